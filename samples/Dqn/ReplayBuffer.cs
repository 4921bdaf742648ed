using System;
using static TorchSharp.torch;

namespace ModelGen.Samples.Dqn;

/// <summary>The last <c>capacity</c> transitions, overwritten oldest first, sampled uniformly into minibatches.</summary>
public sealed class ReplayBuffer
{
    private readonly float[] _states;
    private readonly long[] _actions;
    private readonly float[] _rewards;
    private readonly float[] _nextStates;
    private readonly float[] _terminal;
    private readonly int _stateSize;
    private int _next;

    public ReplayBuffer(int capacity, int stateSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _stateSize = stateSize;
        _states = new float[capacity * stateSize];
        _nextStates = new float[capacity * stateSize];
        _actions = new long[capacity];
        _rewards = new float[capacity];
        _terminal = new float[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <param name="terminal">
    /// True only when the episode ended by failure: there is no future value to bootstrap from. A truncated
    /// episode (500 steps) is not terminal; the state after it still has value.
    /// </param>
    public void Add(ReadOnlySpan<double> state, int action, double reward, ReadOnlySpan<double> nextState, bool terminal)
    {
        for (int i = 0; i < _stateSize; i++)
        {
            _states[_next * _stateSize + i] = (float)state[i];
            _nextStates[_next * _stateSize + i] = (float)nextState[i];
        }
        _actions[_next] = action;
        _rewards[_next] = (float)reward;
        _terminal[_next] = terminal ? 1f : 0f;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>
    /// <paramref name="size"/> transitions drawn with replacement as tensors: states [B, S], actions [B] (int64),
    /// rewards [B], next states [B, S], terminal flags [B] (1 or 0).
    /// </summary>
    public (Tensor States, Tensor Actions, Tensor Rewards, Tensor NextStates, Tensor Terminal) Sample(int size, Random random)
    {
        if (Count == 0)
            throw new InvalidOperationException("the buffer is empty");
        var states = new float[size * _stateSize];
        var nextStates = new float[size * _stateSize];
        var actions = new long[size];
        var rewards = new float[size];
        var terminal = new float[size];
        for (int b = 0; b < size; b++)
        {
            int i = random.Next(Count);
            Array.Copy(_states, i * _stateSize, states, b * _stateSize, _stateSize);
            Array.Copy(_nextStates, i * _stateSize, nextStates, b * _stateSize, _stateSize);
            actions[b] = _actions[i];
            rewards[b] = _rewards[i];
            terminal[b] = _terminal[i];
        }
        long[] shape = { size, _stateSize };
        return (tensor(states, shape), tensor(actions), tensor(rewards), tensor(nextStates, shape), tensor(terminal));
    }
}
