using System;

namespace ModelGen.Shapes;

/// <summary>Why a shape text is invalid, and which characters of it to underline.</summary>
public sealed class ShapeTextError
{
    /// <summary>Creates an error.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public ShapeTextError(string message, int start, int length)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Start = start;
        Length = length;
    }

    /// <summary>A specific sentence, such as <c>dimension 1 is empty</c> (dimensions count from 0).</summary>
    public string Message { get; }

    /// <summary>Index into the text of the first character at fault.</summary>
    public int Start { get; }

    /// <summary>How many characters are at fault (at least 1 unless the text itself is empty).</summary>
    public int Length { get; }

    /// <summary><c>Message (at Start, length Length)</c>.</summary>
    public override string ToString() => $"{Message} (at {Start}, length {Length})";
}
