using System;
using System.Collections.Generic;
using ModelGen.Shapes.Tests.Differential.Cases;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>Every rule and op under differential test, with its generator.</summary>
internal static class DiffOps
{
    /// <summary>Name, generator, and whether every configuration may be valid (no invalid input exists).</summary>
    public static readonly IReadOnlyList<(string Name, Func<DiffRandom, DiffCase> Generate, bool MayBeAllValid)> All = new (string, Func<DiffRandom, DiffCase>, bool)[]
    {
        ("Linear", LinearCases.Next, false),
        ("Conv1d", Conv1dCases.Next, false),
        ("Conv2d", Conv2dCases.Next, false),
        ("ConvTranspose2d", ConvTranspose2dCases.Next, false),
        ("MaxPool2d", PoolCases.NextMax, false),
        ("AvgPool2d", PoolCases.NextAvg, false),
        ("AdaptiveAvgPool2d", AdaptiveAvgPool2dCases.Next, false),
        ("BatchNorm1d", BatchNormCases.Next1d, false),
        ("BatchNorm2d", BatchNormCases.Next2d, false),
        ("LayerNorm", LayerNormCases.Next, false),
        ("Embedding", EmbeddingCases.Next, false),
        ("RNN", RecurrentCases.NextRnn, false),
        ("LSTM", RecurrentCases.NextLstm, false),
        ("GRU", RecurrentCases.NextGru, false),
        ("MultiheadAttention", AttentionCases.Next, false),
        ("Dropout", DropoutCases.Next, false),
        ("Flatten (layer)", FlattenCases.NextLayer, false),
        ("Unflatten", UnflattenCases.Next, false),
        ("Reshape (layer)", ReshapeCases.NextLayer, false),
        ("Activation", ActivationCases.Next, true),
        ("Softmax", SoftmaxCases.Next, false),
        ("broadcast", BroadcastCases.Next, false),
        ("cat", CatCases.Next, false),
        ("matmul", MatMulCases.Next, false),
        ("transpose", AxisCases.NextTranspose, false),
        ("permute", AxisCases.NextPermute, false),
        ("squeeze", AxisCases.NextSqueeze, false),
        ("unsqueeze", AxisCases.NextUnsqueeze, false),
        ("reduce (sum)", AxisCases.NextReduce, false),
        ("reshape", ReshapeCases.NextOp, false),
        ("flatten", FlattenCases.NextOp, false),
        ("select", IndexCases.NextSelect, false),
        ("narrow", IndexCases.NextNarrow, false),
        ("slice", IndexCases.NextSlice, false),
        ("stack", IndexCases.NextStack, false),
    };
}
