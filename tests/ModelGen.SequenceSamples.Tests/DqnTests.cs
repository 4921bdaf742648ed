using System.Linq;
using ModelGen.Samples.Dqn;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.SequenceSamples.Tests;

/// <summary>The Q-network's shapes, and a short seeded run of deep Q-learning against a random policy.</summary>
public class DqnTests
{
    [Fact]
    public void The_q_network_gives_one_value_per_action_for_each_state()
    {
        Assert.Equal("[N, 2]", QNetwork.Summary.Rows[^1].OutputShape);
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 5, CartPole.ActionCount }, new QNetwork().forward(randn(5, CartPole.StateSize)).shape);
    }

    [Fact]
    public void Moving_means_average_the_last_window_or_all_values_before_it_fills()
    {
        Assert.Equal(new[] { 2.0, 3, 4, 6 }, DqnTraining.MovingMeans(new[] { 2.0, 4, 6, 8 }, window: 3));
    }

    [Fact]
    public void A_short_seeded_run_balances_the_pole_several_times_longer_than_random_pushes()
    {
        // 150 episodes with a faster exploration decay than the sample's are far from solving (the seeded run
        // measured a greedy mean of 113 against about 22 for random pushes), but the greedy policy must already
        // balance at least three times as long as random pushes do.
        set_num_threads(1);
        var options = new DqnOptions(MaxEpisodes: 150, WarmupSteps: 500, EpsilonDecaySteps: 2_000, TargetSyncSteps: 250, Seed: 1);
        random.manual_seed(options.Seed);
        var network = new QNetwork();

        var result = DqnTraining.Train(network, options);
        double greedy = DqnTraining.EvaluateGreedy(network, episodes: 20, seed: 99);

        Assert.Equal(150, result.Returns.Count);
        double randomPushes = RandomPolicyReturn(episodes: 100, seed: 99);
        Assert.True(greedy >= 3 * randomPushes, $"greedy mean return {greedy:F1}, random {randomPushes:F1} after {result.EnvironmentSteps} steps; training returns {string.Join(" ", result.Returns.Skip(130))}");
    }

    private static double RandomPolicyReturn(int episodes, int seed)
    {
        var environment = new CartPole(seed);
        var random = new System.Random(seed);
        int steps = 0;
        for (int e = 0; e < episodes; e++)
        {
            environment.Reset();
            (double Reward, bool Terminated, bool Truncated) outcome;
            do
            {
                outcome = environment.Step(random.Next(CartPole.ActionCount));
                steps++;
            }
            while (!outcome.Terminated && !outcome.Truncated);
        }
        return (double)steps / episodes;
    }
}
