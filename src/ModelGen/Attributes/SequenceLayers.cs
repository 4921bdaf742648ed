namespace ModelGen;

/// <summary>A transposed 2-d convolution (upsampling), <c>torch.nn.ConvTranspose2d</c>; in_channels is inferred.</summary>
public sealed class ConvTranspose2dAttribute : ConvolutionAttribute
{
    /// <summary>Declares a ConvTranspose2d layer.</summary>
    public ConvTranspose2dAttribute(object outChannels) : base(outChannels) { }

    /// <summary>Extra size added to one side of the output (default 0; less than the stride or the dilation).</summary>
    public object OutputPadding { get; set; } = 0;
}

/// <summary>A lookup table from token ids to vectors, <c>torch.nn.Embedding</c>: [*] int64 ids to [*, EmbeddingDim].</summary>
public sealed class EmbeddingAttribute : LayerAttribute
{
    /// <summary>Declares an Embedding of a vocabulary of <paramref name="numEmbeddings"/> ids into <paramref name="embeddingDim"/> features.</summary>
    public EmbeddingAttribute(object numEmbeddings, object embeddingDim)
    {
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
    }

    /// <summary>The vocabulary size.</summary>
    public object NumEmbeddings { get; }

    /// <summary>The vector size.</summary>
    public object EmbeddingDim { get; }

    /// <summary>An id whose vector stays zero and gets no gradient (padding); none by default.</summary>
    public object? PaddingIdx { get; set; }
}

/// <summary>What a recurrent layer hands on in a sequential chain. There is no default: the choice is the seed's Q24 bug.</summary>
public enum RecurrentOutput
{
    /// <summary>The whole output sequence, [N, T, D*H]: what a recurrent layer stacked above needs.</summary>
    Sequence,
    /// <summary>The output at the last time step, [N, D*H]: what a classifier head needs.</summary>
    LastStep,
}

/// <summary>Options shared by the recurrent layers; input_size is inferred from the last dimension.</summary>
public abstract class RecurrentAttribute : LayerAttribute
{
    private protected RecurrentAttribute(object hiddenSize, RecurrentOutput output)
    {
        HiddenSize = hiddenSize;
        Output = output;
    }

    /// <summary>Features of the hidden state.</summary>
    public object HiddenSize { get; }

    /// <summary>What a sequential chain hands on; in a [Forward] method the call's whole tuple is available.</summary>
    public RecurrentOutput Output { get; }

    /// <summary>Stacked layers inside the module (default 1).</summary>
    public object NumLayers { get; set; } = 1;

    /// <summary>Whether inputs are [N, T, F] (default, as Keras) rather than [T, N, F].</summary>
    public bool BatchFirst { get; set; } = true;

    /// <summary>Whether the sequence is also read backwards; outputs then have 2*HiddenSize features.</summary>
    public bool Bidirectional { get; set; }

    /// <summary>Dropout between stacked layers (default 0).</summary>
    public double Dropout { get; set; }

    /// <summary>Whether the layer learns biases.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary><c>torch.nn.LSTM</c>: its call returns (output, h_n, c_n).</summary>
public sealed class LSTMAttribute : RecurrentAttribute
{
    /// <summary>Declares an LSTM with <paramref name="hiddenSize"/> features, handing on <paramref name="output"/> in a chain.</summary>
    public LSTMAttribute(object hiddenSize, RecurrentOutput output) : base(hiddenSize, output) { }
}

/// <summary><c>torch.nn.GRU</c>: its call returns (output, h_n).</summary>
public sealed class GRUAttribute : RecurrentAttribute
{
    /// <summary>Declares a GRU with <paramref name="hiddenSize"/> features, handing on <paramref name="output"/> in a chain.</summary>
    public GRUAttribute(object hiddenSize, RecurrentOutput output) : base(hiddenSize, output) { }
}

/// <summary><c>torch.nn.RNN</c> (tanh): its call returns (output, h_n).</summary>
public sealed class RNNAttribute : RecurrentAttribute
{
    /// <summary>Declares an RNN with <paramref name="hiddenSize"/> features, handing on <paramref name="output"/> in a chain.</summary>
    public RNNAttribute(object hiddenSize, RecurrentOutput output) : base(hiddenSize, output) { }
}

/// <summary>
/// <c>torch.nn.MultiheadAttention</c>: called with query, key and value ([L, N, E], sequence first, as
/// TorchSharp's module takes them), it returns (output, weights). embed_dim is inferred from the query,
/// kdim and vdim from key and value. It takes several inputs, so it is wired in a [Forward] method.
/// </summary>
public sealed class MultiheadAttentionAttribute : LayerAttribute
{
    /// <summary>Declares attention with <paramref name="numHeads"/> heads (they must divide the embedding size).</summary>
    public MultiheadAttentionAttribute(object numHeads) => NumHeads = numHeads;

    /// <summary>Attention heads.</summary>
    public object NumHeads { get; }

    /// <summary>Dropout on the attention weights (default 0).</summary>
    public double Dropout { get; set; }

    /// <summary>Whether the projections learn biases.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>
/// Adds the fixed sinusoidal position encoding of "Attention Is All You Need" to [N, T, E] (or [T, N, E]);
/// the embedding size is inferred, sequences may be at most <see cref="MaxLength"/> long.
/// </summary>
public sealed class PositionalEncodingAttribute : LayerAttribute
{
    /// <summary>Declares a positional encoding for sequences of at most <paramref name="maxLength"/> steps.</summary>
    public PositionalEncodingAttribute(object maxLength) => MaxLength = maxLength;

    /// <summary>The longest sequence encoded.</summary>
    public object MaxLength { get; }

    /// <summary>Whether inputs are [N, T, E] (default) rather than [T, N, E].</summary>
    public bool BatchFirst { get; set; } = true;
}
