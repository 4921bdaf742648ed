using System;

namespace ModelGen.Samples.Dqn;

/// <summary>
/// The cart-pole of Barto, Sutton and Anderson (1983) with the constants, Euler integration, termination and
/// reward of Gym's CartPole-v1: push the cart left (action 0) or right (action 1) by 10 N each 0.02 s step;
/// reward 1 per step, including the last; the episode ends when the pole leans more than 12 degrees or the cart
/// leaves [-2.4, 2.4], and is truncated after 500 steps.
/// </summary>
public sealed class CartPole
{
    public const double Gravity = 9.8;
    public const double MassCart = 1.0;
    public const double MassPole = 0.1;
    public const double TotalMass = MassCart + MassPole;
    /// <summary>Half the pole's length, as in Gym.</summary>
    public const double Length = 0.5;
    public const double PoleMassLength = MassPole * Length;
    public const double ForceMagnitude = 10.0;
    /// <summary>Seconds per step.</summary>
    public const double Tau = 0.02;
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360;
    public const double XThreshold = 2.4;
    public const int MaxSteps = 500;
    public const int StateSize = 4;
    public const int ActionCount = 2;

    private readonly Random _random;
    private double[] _state = new double[StateSize];

    /// <param name="seed">Fixes the initial states of every episode.</param>
    public CartPole(int seed) => _random = new Random(seed);

    /// <summary>Cart position, cart velocity, pole angle (radians, 0 upright), pole angular velocity.</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>Steps taken in this episode.</summary>
    public int Steps { get; private set; }

    /// <summary>Starts an episode with every state variable drawn uniformly from [-0.05, 0.05].</summary>
    public ReadOnlySpan<double> Reset()
    {
        for (int i = 0; i < StateSize; i++)
            _state[i] = _random.NextDouble() * 0.1 - 0.05;
        Steps = 0;
        return _state;
    }

    /// <summary>Starts an episode from a given state (for tests and hand-computed examples).</summary>
    public void Reset(double x, double xDot, double theta, double thetaDot)
    {
        _state = new[] { x, xDot, theta, thetaDot };
        Steps = 0;
    }

    /// <summary>Applies <paramref name="action"/> for one step.</summary>
    /// <returns>The reward (always 1); whether the pole fell or the cart left the track; whether 500 steps were reached.</returns>
    public (double Reward, bool Terminated, bool Truncated) Step(int action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(action, ActionCount);
        _state = Next(_state, action);
        Steps++;
        double x = _state[0], theta = _state[2];
        bool terminated = x < -XThreshold || x > XThreshold || theta < -ThetaThreshold || theta > ThetaThreshold;
        return (1.0, terminated, !terminated && Steps >= MaxSteps);
    }

    /// <summary>The equations of motion, one explicit Euler step (positions move with the old velocities).</summary>
    public static double[] Next(ReadOnlySpan<double> state, int action)
    {
        double x = state[0], xDot = state[1], theta = state[2], thetaDot = state[3];
        double force = action == 1 ? ForceMagnitude : -ForceMagnitude;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (Length * (4.0 / 3.0 - MassPole * cos * cos / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        return new[] { x + Tau * xDot, xDot + Tau * xAcc, theta + Tau * thetaDot, thetaDot + Tau * thetaAcc };
    }
}
