using System;
using ModelGen.Samples.Dqn;
using Xunit;

namespace ModelGen.SequenceSamples.Tests;

/// <summary>The environment against the cart-pole equations worked by hand, and Gym CartPole-v1's episode rules.</summary>
public class CartPoleTests
{
    [Fact]
    public void Pushing_right_from_rest_accelerates_the_cart_right_and_the_pole_left()
    {
        // cos = 1, sin = 0: temp = 10 / 1.1 = 100/11; pole: -(100/11) / (0.5 (4/3 - 0.1/1.1)) = -600/41 rad/s²;
        // cart: 100/11 + 0.05 (600/41) / 1.1 = 400/41 m/s². One 0.02 s Euler step from rest moves only the velocities.
        var next = CartPole.Next(new double[] { 0, 0, 0, 0 }, action: 1);

        Assert.Equal(new[] { 0, 0.02 * 400 / 41, 0, 0.02 * -600 / 41 }, next, new Tolerance(1e-12));
    }

    [Fact]
    public void Positions_move_with_the_velocities_from_before_the_step()
    {
        var next = CartPole.Next(new[] { 0, 1.0, 0.1, 0.5 }, action: 0);

        Assert.Equal(0 + 0.02 * 1.0, next[0], 12);
        Assert.Equal(0.1 + 0.02 * 0.5, next[2], 12);
        // Pushed left while leaning right: the cart slows and the pole falls faster to the right.
        Assert.True(next[1] < 1.0);
        Assert.True(next[3] > 0.5);
    }

    [Fact]
    public void Every_episode_starts_within_five_hundredths_of_upright_and_at_rest()
    {
        var environment = new CartPole(seed: 3);
        for (int episode = 0; episode < 1000; episode++)
            Assert.All(environment.Reset().ToArray(), value => Assert.InRange(value, -0.05, 0.05));
    }

    [Theory]
    [InlineData(0, 0, 0.2, 0, false)]     // 11.5 degrees: still up
    [InlineData(0, 0, 0.2095, 0.5, true)] // falls past 12 degrees (0.20944 rad) in one step
    [InlineData(2.39, 1, 0, 0, true)]     // the cart leaves [-2.4, 2.4]
    [InlineData(-2.39, -1, 0, 0, true)]
    public void The_episode_ends_when_the_pole_passes_twelve_degrees_or_the_cart_leaves_the_track(
        double x, double xDot, double theta, double thetaDot, bool ends)
    {
        var environment = new CartPole(seed: 0);
        environment.Reset(x, xDot, theta, thetaDot);

        var (reward, terminated, truncated) = environment.Step(action: 1);

        Assert.Equal(1.0, reward);   // the failing step is rewarded too, as in Gym
        Assert.Equal(ends, terminated);
        Assert.False(truncated);
    }

    [Fact]
    public void A_balanced_episode_is_truncated_at_500_steps_not_terminated()
    {
        var environment = new CartPole(seed: 1);
        environment.Reset();
        (double Reward, bool Terminated, bool Truncated) outcome;
        do
        {
            // A linear controller that keeps the pole up: push towards where the pole and cart are heading.
            var s = environment.State;
            outcome = environment.Step(s[0] + s[1] + 10 * s[2] + 3 * s[3] > 0 ? 1 : 0);
        }
        while (!outcome.Terminated && !outcome.Truncated);

        Assert.False(outcome.Terminated);
        Assert.True(outcome.Truncated);
        Assert.Equal(CartPole.MaxSteps, environment.Steps);
    }

    private sealed class Tolerance(double epsilon) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= epsilon;

        public int GetHashCode(double value) => 0;
    }
}
