using System;

namespace ModelGen.Shapes;

/// <summary>Where a positional encoding's table comes from.</summary>
public enum PositionalEncodingKind
{
    /// <summary>The fixed sine and cosine table of "Attention Is All You Need": a buffer, no parameters.</summary>
    Sinusoidal,

    /// <summary>A learned table of max_length rows: <c>max_length * embed_dim</c> parameters.</summary>
    Learned,
}

/// <summary>Options of a positional encoding added to a sequence; sizes are <see cref="Dim"/> so they may be model parameters.</summary>
public sealed class PositionalEncodingOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PositionalEncodingOptions(Dim maxLength, Dim embedDim)
    {
        MaxLength = maxLength ?? throw new ArgumentNullException(nameof(maxLength));
        EmbedDim = embedDim ?? throw new ArgumentNullException(nameof(embedDim));
    }

    /// <summary>max_length: the number of positions in the table; a sequence may not be longer.</summary>
    public Dim MaxLength { get; init; }

    /// <summary>embed_dim: the features of each position, which the input's last dimension must equal.</summary>
    public Dim EmbedDim { get; init; }

    /// <summary>Sinusoidal (the default) or learned.</summary>
    public PositionalEncodingKind Kind { get; init; }

    /// <summary>batch_first: the input is [N, T, E] instead of [T, N, E] (default false).</summary>
    public bool BatchFirst { get; init; }
}

/// <summary>
/// The shape rule for a positional encoding added to a sequence, <c>x + table[:T]</c>: [T, N, E] (batch_first
/// [N, T, E]), unchanged. E must equal embed_dim; the sequence length T may not exceed max_length, a
/// requirement <c>max_length &gt;= T</c> when T is symbolic and an error when T is provably longer.
/// Parameters <c>max_length * embed_dim</c> for a learned table, none for the sinusoidal one (a buffer).
/// </summary>
/// <remarks>libtorch has no such module, so the rule has unit tests but no differential test.</remarks>
public static class PositionalEncodingRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not a defined <see cref="PositionalEncodingKind"/>.</exception>
    public static LayerResult Apply(Shape input, PositionalEncodingOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.MaxLength is null || options.EmbedDim is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        if (options.Kind < PositionalEncodingKind.Sinusoidal || options.Kind > PositionalEncodingKind.Learned)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown positional encoding kind.");
        }
        const string op = "PositionalEncoding";
        return Guard.Layer(op, () =>
        {
            if (input.Rank != 3)
            {
                string layout = options.BatchFirst ? "[N, T, E]" : "[T, N, E]";
                return LayerResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, $"{op} expects a 3-d input {layout} but got {input}", "input"));
            }
            var constraints = new Constraints();
            var error = constraints.HyperparameterAtLeast(op, "max_length", options.MaxLength, 1, "MaxLength")
                ?? constraints.HyperparameterAtLeast(op, "embed_dim", options.EmbedDim, 1, "EmbedDim");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            Dim features = input[2];
            error = Constraints.Equal(
                features,
                options.EmbedDim,
                $"{op}: the input {input} has {features} features but embed_dim is {options.EmbedDim}",
                $"{op}: cannot prove the input's {features} features in {input} equal embed_dim {options.EmbedDim}",
                "EmbedDim");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            Dim length = input[options.BatchFirst ? 1 : 0];
            error = constraints.AtLeast(
                options.MaxLength,
                length,
                $"{op}: the sequence length {length} must not exceed max_length {options.MaxLength}",
                () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: the sequence length {length} of the input {input} exceeds max_length {options.MaxLength}", "MaxLength"));
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            Dim parameters = options.Kind == PositionalEncodingKind.Learned ? options.MaxLength * options.EmbedDim : Dim.Zero;
            return LayerResult.Ok(input, parameters, null, constraints.Requirements);
        });
    }
}
