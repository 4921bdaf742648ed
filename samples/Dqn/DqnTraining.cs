using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

namespace ModelGen.Samples.Dqn;

/// <summary>How the agent learns (Mnih et al. 2015's DQN, sized for cart-pole).</summary>
/// <param name="MaxEpisodes">Give up after this many episodes.</param>
/// <param name="BatchSize">Transitions per gradient step (one step per environment step).</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="Gamma">Discount of future rewards.</param>
/// <param name="ReplayCapacity">Transitions kept in the replay buffer.</param>
/// <param name="WarmupSteps">Random-policy steps that fill the buffer before learning starts.</param>
/// <param name="TargetSyncSteps">Environment steps between copies of the online network into the target network.</param>
/// <param name="EpsilonStart">Exploration rate at the start.</param>
/// <param name="EpsilonEnd">Exploration rate after the decay.</param>
/// <param name="EpsilonDecaySteps">Environment steps over which epsilon falls linearly.</param>
/// <param name="SolvedReturn">Training stops once the mean return of the last <paramref name="SolvedWindow"/> episodes reaches this.</param>
/// <param name="SolvedWindow">Consecutive episodes averaged for the stopping rule.</param>
/// <param name="Seed">Seeds the network, the environment, exploration and replay sampling.</param>
public sealed record DqnOptions(
    int MaxEpisodes = 600, int BatchSize = 64, double LearningRate = 1e-3, double Gamma = 0.99,
    int ReplayCapacity = 50_000, int WarmupSteps = 1_000, int TargetSyncSteps = 500,
    double EpsilonStart = 1.0, double EpsilonEnd = 0.01, int EpsilonDecaySteps = 10_000,
    double SolvedReturn = 195, int SolvedWindow = 100, int Seed = 42);

/// <summary>The return of every training episode, and where the stopping rule was met, if it was.</summary>
public sealed record DqnResult(IReadOnlyList<double> Returns, int? SolvedAfterEpisodes, int EnvironmentSteps, TimeSpan Elapsed);

/// <summary>Deep Q-learning: epsilon-greedy acting, experience replay, a target network and the Huber loss.</summary>
public static class DqnTraining
{
    /// <summary>Trains <paramref name="online"/> on fresh cart-pole episodes until solved or out of episodes.</summary>
    public static DqnResult Train(QNetwork online, DqnOptions options, ProgressBar? progress = null)
    {
        ArgumentNullException.ThrowIfNull(online);
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var environment = new CartPole(options.Seed);
        var buffer = new ReplayBuffer(options.ReplayCapacity, CartPole.StateSize);
        var target = new QNetwork();
        target.load_state_dict(online.state_dict());
        var optimizer = optim.Adam(online.parameters(), options.LearningRate);
        var returns = new List<double>();
        int steps = 0;
        double loss = double.NaN;
        int? solved = null;

        for (int episode = 1; episode <= options.MaxEpisodes && solved is null; episode++)
        {
            var state = environment.Reset().ToArray();
            double total = 0;
            while (true)
            {
                double epsilon = Epsilon(options, steps);
                int action = steps < options.WarmupSteps || random.NextDouble() < epsilon
                    ? random.Next(CartPole.ActionCount)
                    : GreedyAction(online, state);
                var (reward, terminated, truncated) = environment.Step(action);
                var next = environment.State.ToArray();
                buffer.Add(state, action, reward, next, terminated);
                total += reward;
                state = next;
                steps++;

                if (steps >= options.WarmupSteps)
                    loss = LearnFromReplay(online, target, optimizer, buffer, options, random);
                if (steps % options.TargetSyncSteps == 0)
                    target.load_state_dict(online.state_dict());
                if (terminated || truncated)
                    break;
            }
            returns.Add(total);
            double recent = MeanOfLast(returns, options.SolvedWindow);
            if (returns.Count >= options.SolvedWindow && recent >= options.SolvedReturn)
                solved = episode;
            progress?.Report(1, 1, solved ?? episode, solved ?? options.MaxEpisodes, loss,
                $"episode return {total,3:F0}, mean of last {Math.Min(returns.Count, options.SolvedWindow)} {recent:F1}");
        }
        progress?.Complete();
        return new DqnResult(returns, solved, steps, clock.Elapsed);
    }

    /// <summary>The action with the largest Q-value in <paramref name="state"/>.</summary>
    public static int GreedyAction(QNetwork network, ReadOnlySpan<double> state)
    {
        using var scope = NewDisposeScope();
        var input = tensor(Array.ConvertAll(state.ToArray(), v => (float)v), new long[] { 1, CartPole.StateSize });
        return (int)network.Predict(input).argmax(1).item<long>();
    }

    /// <summary>Mean return of <paramref name="episodes"/> greedy episodes on an environment seeded with <paramref name="seed"/>.</summary>
    public static double EvaluateGreedy(QNetwork network, int episodes, int seed)
    {
        var environment = new CartPole(seed);
        double sum = 0;
        for (int e = 0; e < episodes; e++)
        {
            environment.Reset();
            while (true)
            {
                var (reward, terminated, truncated) = environment.Step(GreedyAction(network, environment.State));
                sum += reward;
                if (terminated || truncated)
                    break;
            }
        }
        return sum / episodes;
    }

    /// <summary>Mean of the last <paramref name="window"/> values (all of them if fewer).</summary>
    public static double MeanOfLast(IReadOnlyList<double> values, int window) =>
        values.Count == 0 ? 0 : values.Skip(Math.Max(0, values.Count - window)).Average();

    /// <summary>For each position, the mean of the <paramref name="window"/> values ending there (fewer at the start).</summary>
    public static IReadOnlyList<double> MovingMeans(IReadOnlyList<double> values, int window)
    {
        var means = new double[values.Count];
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i] - (i >= window ? values[i - window] : 0);
            means[i] = sum / Math.Min(i + 1, window);
        }
        return means;
    }

    private static double Epsilon(DqnOptions options, int steps)
    {
        double progress = Math.Clamp((double)(steps - options.WarmupSteps) / options.EpsilonDecaySteps, 0, 1);
        return options.EpsilonStart + (options.EpsilonEnd - options.EpsilonStart) * progress;
    }

    // The Q-learning loss is on the Q-value of the action taken: the generated TrainStep that takes a loss
    // function gathers it from the network's output.
    private static double LearnFromReplay(
        QNetwork online, QNetwork target, optim.Optimizer optimizer, ReplayBuffer buffer, DqnOptions options, Random random)
    {
        using var scope = NewDisposeScope();
        var (states, actions, rewards, nextStates, terminal) = buffer.Sample(options.BatchSize, random);
        Tensor goal;
        using (no_grad())
        {
            var nextValue = target.forward(nextStates).max(1).values;
            goal = rewards + options.Gamma * nextValue * (1 - terminal);
        }
        return online.TrainStep(states, optimizer, values => nn.functional.smooth_l1_loss(values.gather(1, actions.unsqueeze(1)).squeeze(1), goal));
    }
}
