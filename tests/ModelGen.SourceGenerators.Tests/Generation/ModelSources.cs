namespace ModelGen.SourceGenerators.Tests.Generation;

/// <summary>Model declarations shared by the generation tests: the seed's first three models and a wired one.</summary>
internal static class ModelSources
{
    private const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    public const string LinearRegression = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1")]
        public partial class LinearRegression
        {
            [Linear(1)] public partial Linear Dense { get; }
        }
        """;

    public const string MnistCnn = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class MnistCnn
        {
            [Conv2d(32, Kernel = 3, Activation = Activation.ReLU)] public partial Conv2d Conv1 { get; }
            [MaxPool2d(2)] public partial MaxPool2d Pool { get; }
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }
        """;

    public const string DropoutMlp = Usings + """
        namespace Samples;

        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class DropoutMlp
        {
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(64, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
            [Dropout(0.5)] public partial Dropout Dropout { get; }
            [Linear(10)] public partial Linear Output { get; }
        }
        """;

    public const string ResidualBlock = Usings + """
        namespace Samples.Blocks;

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class ResidualBlock
        {
            [Conv2d(16, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(16, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu(h + x);
            }
        }
        """;

    public const string TwoInputs = Usings + """
        namespace Samples;

        [Model]
        [Input("state", "N, 4")]
        [Input("action", "N, 2")]
        public partial class ValueNetwork
        {
            [Linear(32, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
            [Linear(1)] public partial Linear Value { get; }

            [Forward]
            private Tensor Forward(Tensor state, Tensor action) => Value.call(Hidden.call(torch.cat(new[] { state, action }, 1)));
        }
        """;

    public const string ResNet = Usings + """
        namespace Samples.ResNet;

        /// <summary>A residual block written once: its width is a hyperparameter inferred from the incoming channels.</summary>
        [Model]
        [Input("x", "N, Filters, H, W")]
        public partial class BasicBlock
        {
            [Hyperparameter] public partial int Filters { get; }

            [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu(h + x);
            }
        }

        /// <summary>A stride-2 block that widens: the shortcut needs a 1x1 projection, which the shape check demands.</summary>
        [Model]
        [Input("x", "N, InChannels, H, W")]
        public partial class DownsampleBlock
        {
            [Hyperparameter] public partial int InChannels { get; }
            [Hyperparameter] public partial int Filters { get; }

            [Conv2d(nameof(Filters), Kernel = 3, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }
            [Conv2d(nameof(Filters), Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection { get; }
            [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu(h + ProjectionBN.call(Projection.call(x)));
            }
        }

        /// <summary>Blocks composed at 16, 32 and 64 channels, each written once.</summary>
        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class SmallResNet
        {
            [Conv2d(16, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Stem { get; }
            [BatchNorm2d] public partial BatchNorm2d StemBN { get; }
            [ReLU] public partial ReLU StemReLU { get; }
            [Submodel] public partial BasicBlock Stage1 { get; }
            [Submodel(32)] public partial DownsampleBlock Stage2 { get; }
            [Submodel] public partial BasicBlock Stage2b { get; }
            [Submodel(64)] public partial DownsampleBlock Stage3 { get; }
            [AdaptiveAvgPool2d(1, 1)] public partial AdaptiveAvgPool2d Pool { get; }
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }
        """;

    public const string CustomBatchNorm = Usings + """
        namespace Samples.Layers;

        /// <summary>The seed's Q11 batch norm, done right, as a custom layer: parameters, running buffers, both modes.</summary>
        [Model]
        [Input("x", "N, NumFeatures, H, W")]
        public partial class CustomBatchNorm2d
        {
            [Hyperparameter] public partial int NumFeatures { get; }
            [Hyperparameter(Default = 0.1)] public partial double Momentum { get; }
            [Hyperparameter(Default = 1e-5)] public partial double Eps { get; }

            [Parameter("NumFeatures", Init = Init.Ones)] public partial Parameter Gamma { get; }
            [Parameter("NumFeatures")] public partial Parameter Beta { get; }
            [Buffer("NumFeatures")] public partial Tensor RunningMean { get; }
            [Buffer("NumFeatures", Init = Init.Ones)] public partial Tensor RunningVar { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                Tensor mean;
                Tensor variance;
                if (training)
                {
                    // Statistics over the batch and spatial axes: one per channel.
                    mean = x.mean(new long[] { 0, 2, 3 });
                    variance = x.var(new long[] { 0, 2, 3 }, unbiased: false);
                    long count = x.shape[0] * x.shape[2] * x.shape[3];
                    using (torch.no_grad())
                    {
                        RunningMean.mul_(1 - Momentum).add_(mean * Momentum);
                        RunningVar.mul_(1 - Momentum).add_(variance * (Momentum * count / (count - 1)));
                    }
                }
                else
                {
                    mean = RunningMean;
                    variance = RunningVar;
                }
                var normalized = (x - mean.view(1, -1, 1, 1)) / (variance.view(1, -1, 1, 1) + Eps).sqrt();
                return normalized * Gamma.view(1, -1, 1, 1) + Beta.view(1, -1, 1, 1);
            }
        }
        """;

    public const string Gan = Usings + """
        namespace Samples.Gan;

        /// <summary>Noise to a 28x28 image: the seed's Dense(256) -> Reshape(28, 28, 1) with its element count fixed.</summary>
        [Model]
        [Input("noise", "N, 16")]
        public partial class TinyGenerator
        {
            [Linear(64, Activation = Activation.LeakyReLU)] public partial Linear Hidden { get; }
            [Linear(784, Activation = Activation.Sigmoid)] public partial Linear Pixels { get; }
            [Reshape(1, 28, 28)] public partial Unflatten Image { get; }
        }

        /// <summary>An image to one logit: real or generated.</summary>
        [Model]
        [Input("image", "N, 1, 28, 28")]
        public partial class TinyDiscriminator
        {
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(64, Activation = Activation.LeakyReLU)] public partial Linear Hidden { get; }
            [Linear(1)] public partial Linear Score { get; }
        }

        /// <summary>The two, trained adversarially.</summary>
        [Model]
        [Gan]
        [Input("noise", "N, 16")]
        public partial class TinyGan
        {
            [Submodel] public partial TinyGenerator Generator { get; }
            [Submodel] public partial TinyDiscriminator Discriminator { get; }
        }
        """;

    public const string Sequences = "using System;\n" + Usings + """
        namespace Samples.Sequences;

        /// <summary>The seed's Q16 RNN: an image read row by row, the lower LSTM handing on the whole sequence.</summary>
        [Model]
        [Input("x", "N, 28, 28")]
        public partial class RowLstm
        {
            [LSTM(32, RecurrentOutput.Sequence)] public partial LSTM Lower { get; }
            [LSTM(32, RecurrentOutput.LastStep)] public partial LSTM Upper { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }

        /// <summary>Token ids to a class through an embedding, an LSTM and self-attention (the seed's Q7/Q17 done right).</summary>
        [Model]
        [Input("tokens", "N, T", DType = ScalarType.Int64)]
        public partial class AttentionClassifier
        {
            [Embedding(20, 16)] public partial Embedding Embed { get; }
            [PositionalEncoding(64)] public partial PositionalEncoding Positions { get; }
            [LSTM(16, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
            [MultiheadAttention(2)] public partial MultiheadAttention Attention { get; }
            [Linear(4)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor tokens)
            {
                var embedded = Positions.call(Embed.call(tokens));
                var (encoded, _, _) = Encoder.call(embedded, null);
                var sequence = encoded.transpose(0, 1);
                var (attended, weights) = Attention.call(sequence, sequence, sequence, null, true, null);
                return Head.call(attended.mean(new long[] { 0 }));
            }
        }

        /// <summary>A GRU whose final hidden state feeds the head.</summary>
        [Model]
        [Input("x", "N, T, 6")]
        public partial class GruHead
        {
            [GRU(12, RecurrentOutput.LastStep, NumLayers = 2, Bidirectional = true)] public partial GRU Encoder { get; }
            [Linear(3)] public partial Linear Head { get; }
        }

        /// <summary>A convolutional decoder: [N, 8] to a 1x28x28 image by transposed convolutions.</summary>
        [Model]
        [Input("z", "N, 8")]
        public partial class TinyDecoder
        {
            [Linear(16 * 7 * 7, Activation = Activation.ReLU)] public partial Linear Expand { get; }
            [Reshape(16, 7, 7)] public partial Unflatten Grid { get; }
            [ConvTranspose2d(8, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.ReLU)] public partial ConvTranspose2d Up1 { get; }
            [ConvTranspose2d(1, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.Sigmoid)] public partial ConvTranspose2d Up2 { get; }
        }
        """;
}
