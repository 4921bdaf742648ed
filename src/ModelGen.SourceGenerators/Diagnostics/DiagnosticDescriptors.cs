using Microsoft.CodeAnalysis;

namespace ModelGen.SourceGenerators.Diagnostics;

/// <summary>
/// Every diagnostic ModelGen reports. Each id has a page docs/diagnostics/MGxxxx.md, an entry in
/// AnalyzerReleases.Unshipped.md, and tests that fire it and keep a look-alike silent.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/modelgen/ModelGen/blob/main/docs/diagnostics/";
    private const string ShapesCategory = "ModelGen.Shapes";
    private const string DeclarationCategory = "ModelGen.Declaration";
    private const string WiringCategory = "ModelGen.Wiring";

    public const string InvalidShapeTextId = "MG0001";
    public const string ShapeMismatchId = "MG0002";
    public const string InputNeverUsedId = "MG0003";
    public const string CannotInferSizeId = "MG0004";
    public const string InvalidHyperparameterId = "MG0005";
    public const string UnsupportedForwardConstructId = "MG0006";
    public const string InvalidModelDeclarationId = "MG0007";
    public const string InvalidLayerDeclarationId = "MG0008";
    public const string ForwardSignatureMismatchId = "MG0009";
    public const string LayerNeverUsedId = "MG0010";

    public static readonly DiagnosticDescriptor InvalidShapeText = Create(
        InvalidShapeTextId, "Malformed input shape", "Input '{0}' has a malformed shape: {1}", ShapesCategory, DiagnosticSeverity.Error,
        "An input's shape is a comma-separated list of positive integers and names, such as \"N, 1, 28, 28\".");

    public static readonly DiagnosticDescriptor ShapeMismatch = Create(
        ShapeMismatchId, "Shape mismatch", "{0}", ShapesCategory, DiagnosticSeverity.Error,
        "The shape flowing into a layer or operation is not one it accepts; the message gives both shapes.");

    public static readonly DiagnosticDescriptor InputNeverUsed = Create(
        InputNeverUsedId, "Input never reaches the output", "Input '{0}' of model '{1}' never reaches the output", WiringCategory, DiagnosticSeverity.Warning,
        "A declared input that does not contribute to the returned tensor is almost always a wiring mistake.");

    public static readonly DiagnosticDescriptor CannotInferSize = Create(
        CannotInferSizeId, "Layer input size cannot be inferred", "Cannot infer {0} of layer '{1}': {2}", ShapesCategory, DiagnosticSeverity.Error,
        "Input sizes of layers are inferred from the shape flowing in; the dimension they come from must be a fixed number (or a model parameter).");

    public static readonly DiagnosticDescriptor InvalidHyperparameter = Create(
        InvalidHyperparameterId, "Invalid layer hyperparameter", "Invalid {0} for layer '{1}': {2}", ShapesCategory, DiagnosticSeverity.Error,
        "A hyperparameter is out of range: a size that is zero or negative, a kernel larger than its input, and so on.");

    public static readonly DiagnosticDescriptor UnsupportedForwardConstruct = Create(
        UnsupportedForwardConstructId, "Unsupported construct in a [Forward] method", "The shape checker cannot follow {0} in '{1}': {2}", WiringCategory, DiagnosticSeverity.Error,
        "A [Forward] method is checked statement by statement; constructs outside the supported set cannot be shape-checked.");

    public static readonly DiagnosticDescriptor InvalidModelDeclaration = Create(
        InvalidModelDeclarationId, "Invalid model declaration", "Model '{0}' {1}", DeclarationCategory, DiagnosticSeverity.Error,
        "A [Model] class must be a non-generic partial class without a base class or constructor of its own, and declare at least one [Input].");

    public static readonly DiagnosticDescriptor InvalidLayerDeclaration = Create(
        InvalidLayerDeclarationId, "Invalid layer declaration", "Layer '{0}' {1}", DeclarationCategory, DiagnosticSeverity.Error,
        "A layer is a partial, get-only instance property whose type is the TorchSharp module its attribute builds.");

    public static readonly DiagnosticDescriptor ForwardSignatureMismatch = Create(
        ForwardSignatureMismatchId, "Invalid [Forward] method", "Forward method '{0}' {1}", DeclarationCategory, DiagnosticSeverity.Error,
        "A [Forward] method takes one Tensor parameter per declared input, named and ordered as the inputs, and returns a Tensor.");

    public static readonly DiagnosticDescriptor LayerNeverUsed = Create(
        LayerNeverUsedId, "Layer never reaches the output", "Layer '{0}' of model '{1}' never reaches the output", WiringCategory, DiagnosticSeverity.Warning,
        "A declared layer that the [Forward] method never applies to anything reaching the returned tensor is dead weight, and usually a wiring mistake.");

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        InvalidShapeTextId => InvalidShapeText,
        ShapeMismatchId => ShapeMismatch,
        InputNeverUsedId => InputNeverUsed,
        CannotInferSizeId => CannotInferSize,
        InvalidHyperparameterId => InvalidHyperparameter,
        UnsupportedForwardConstructId => UnsupportedForwardConstruct,
        InvalidModelDeclarationId => InvalidModelDeclaration,
        InvalidLayerDeclarationId => InvalidLayerDeclaration,
        ForwardSignatureMismatchId => ForwardSignatureMismatch,
        LayerNeverUsedId => LayerNeverUsed,
        TorchSharpRules.ActivationBeforeLogitsLossId => TorchSharpRules.ActivationBeforeLogitsLoss,
        TorchSharpRules.GeneratedSamplesNotDetachedId => TorchSharpRules.GeneratedSamplesNotDetached,
        TorchSharpRules.OptimizerCrossesNetworksId => TorchSharpRules.OptimizerCrossesNetworks,
        TorchSharpRules.ModuleAddedAfterOptimizerId => TorchSharpRules.ModuleAddedAfterOptimizer,
        TorchSharpRules.FreezeNeverRunsId => TorchSharpRules.FreezeNeverRuns,
        TorchSharpRules.MissingEvalId => TorchSharpRules.MissingEval,
        TorchSharpRules.BatchNormEvalPathId => TorchSharpRules.BatchNormEvalPath,
        TorchSharpRules.BatchNormAxisId => TorchSharpRules.BatchNormAxis,
        TorchSharpRules.RunningStatisticsNotUpdatedId => TorchSharpRules.RunningStatisticsNotUpdated,
        TorchSharpRules.BatchNormBatchOfOneId => TorchSharpRules.BatchNormBatchOfOne,
        TorchSharpRules.UnchainableSequentialModuleId => TorchSharpRules.UnchainableSequentialModule,
        TorchSharpRules.RecurrentInputNotSequenceId => TorchSharpRules.RecurrentInputNotSequence,
        TorchSharpRules.FlattenNoOpId => TorchSharpRules.FlattenNoOp,
        TorchSharpRules.ReshapeCountMismatchId => TorchSharpRules.ReshapeCountMismatch,
        TorchSharpRules.SkipConnectionLostId => TorchSharpRules.SkipConnectionLost,
        TorchSharpRules.ResidualAddOnlyWhenShapesDifferId => TorchSharpRules.ResidualAddOnlyWhenShapesDiffer,
        TorchSharpRules.ResidualNeedsProjectionId => TorchSharpRules.ResidualNeedsProjection,
        TorchSharpRules.ActivationBeforeResidualAddId => TorchSharpRules.ActivationBeforeResidualAdd,
        _ => null,
    };

    public static readonly DiagnosticDescriptor[] All =
    {
        InvalidShapeText, ShapeMismatch, InputNeverUsed, CannotInferSize, InvalidHyperparameter,
        UnsupportedForwardConstruct, InvalidModelDeclaration, InvalidLayerDeclaration, ForwardSignatureMismatch, LayerNeverUsed,
        TorchSharpRules.ActivationBeforeLogitsLoss, TorchSharpRules.GeneratedSamplesNotDetached, TorchSharpRules.OptimizerCrossesNetworks,
        TorchSharpRules.ModuleAddedAfterOptimizer, TorchSharpRules.FreezeNeverRuns, TorchSharpRules.MissingEval,
        TorchSharpRules.BatchNormEvalPath, TorchSharpRules.BatchNormAxis, TorchSharpRules.RunningStatisticsNotUpdated, TorchSharpRules.BatchNormBatchOfOne,
        TorchSharpRules.UnchainableSequentialModule, TorchSharpRules.RecurrentInputNotSequence, TorchSharpRules.FlattenNoOp, TorchSharpRules.ReshapeCountMismatch,
        TorchSharpRules.SkipConnectionLost, TorchSharpRules.ResidualAddOnlyWhenShapesDiffer, TorchSharpRules.ResidualNeedsProjection, TorchSharpRules.ActivationBeforeResidualAdd,
    };

    /// <summary>Whether an issue with this id stops full generation.</summary>
    public static bool IsError(string id) => Find(id)?.DefaultSeverity == DiagnosticSeverity.Error;

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");

    // ---- MG01xx: hand-written TorchSharp modules and the training code around them (Analyzers/TorchSharp) ----

    /// <summary>
    /// The rules for hand-written TorchSharp modules and training code (MG01xx). A nested class, so the
    /// descriptors are initialised before <see cref="All"/> (declared above) reads them.
    /// </summary>
    internal static class TorchSharpRules
    {
        private const string TrainingCategory = "ModelGen.Training";
        private const string ModulesCategory = "ModelGen.Modules";

        public const string ActivationBeforeLogitsLossId = "MG0101";

        public static readonly DiagnosticDescriptor ActivationBeforeLogitsLoss = Create(
            ActivationBeforeLogitsLossId, "Activation output fed to a loss that expects logits", "'{0}' ends with {1}, but {2} expects {3}", TrainingCategory, DiagnosticSeverity.Warning,
            "CrossEntropyLoss and BCEWithLogitsLoss take raw scores (logits); a softmax or sigmoid before them is applied twice, which flattens the gradients and slows or stalls training. NLLLoss takes log-probabilities; fed probabilities (a softmax instead of log_softmax), its loss is wrong and barely trains.");

        public const string GeneratedSamplesNotDetachedId = "MG0102";

        public static readonly DiagnosticDescriptor GeneratedSamplesNotDetached = Create(
            GeneratedSamplesNotDetachedId, "Discriminator loss on generated samples is not detached", "'{0}' reaches discriminator '{1}' without detach(): its loss also back-propagates into generator '{2}'", TrainingCategory, DiagnosticSeverity.Warning,
            "In the discriminator's step of a GAN, generated samples must be detached from the generator; otherwise the discriminator's loss fills the generator's gradients (and frees its graph), and the generator is pushed the wrong way.");

        public const string OptimizerCrossesNetworksId = "MG0103";

        public static readonly DiagnosticDescriptor OptimizerCrossesNetworks = Create(
            OptimizerCrossesNetworksId, "Optimizer steps the other network of an adversarial pair", "{0}", TrainingCategory, DiagnosticSeverity.Warning,
            "The generator and the discriminator of a GAN are trained against each other: each needs its own optimizer, stepped only after its own loss's backward pass.");

        public const string ModuleAddedAfterOptimizerId = "MG0104";

        public static readonly DiagnosticDescriptor ModuleAddedAfterOptimizer = Create(
            ModuleAddedAfterOptimizerId, "Module added after the optimizer was created", "'{0}' adds a module to '{1}' after '{2}' was created over its parameters: the optimizer has no state for the new parameters, so they are never trained (step() fails on them)", TrainingCategory, DiagnosticSeverity.Warning,
            "TorchSharp's optimizers set up per-parameter state when they are created; modules added to a model afterwards are not trained by it. Build the whole model first, then create the optimizer.");

        public const string FreezeNeverRunsId = "MG0105";

        public static readonly DiagnosticDescriptor FreezeNeverRuns = Create(
            FreezeNeverRunsId, "Parameters are never frozen", "This '{0}' query is never enumerated, so the lambda that sets requires_grad never runs and the parameters are still trained; use a foreach loop", TrainingCategory, DiagnosticSeverity.Warning,
            "LINQ queries are deferred: a Select or Where whose result is discarded does nothing. A backbone frozen that way still requires grad and is updated by an optimizer over the model's parameters.");

        public const string MissingEvalId = "MG0106";

        public static readonly DiagnosticDescriptor MissingEval = Create(
            MissingEvalId, "Model used for inference in training mode", "'{0}' runs '{1}' for inference while it is in training mode, so its {2} behave as in training; call {1}.eval() first", TrainingCategory, DiagnosticSeverity.Warning,
            "BatchNorm normalises with the current batch and updates its running statistics, and Dropout zeroes activations, until the model is switched to evaluation mode; predictions and validation metrics made in training mode are noisy and wrong.");

        public const string BatchNormEvalPathId = "MG0107";

        public static readonly DiagnosticDescriptor BatchNormEvalPath = Create(
            BatchNormEvalPathId, "Batch norm evaluation path ignores running statistics", "The evaluation path of '{0}' {1}: at inference a batch norm normalises with the running mean and variance gathered in training", ModulesCategory, DiagnosticSeverity.Warning,
            "A batch norm's evaluation mode must normalise with running statistics; returning the scale and shift alone leaves inputs unnormalised, and using the current batch makes every prediction depend on the rest of the batch.");

        public const string BatchNormAxisId = "MG0108";

        public static readonly DiagnosticDescriptor BatchNormAxis = Create(
            BatchNormAxisId, "Batch norm statistics over the wrong axes", "'{0}' reduces over dim {1}, which leaves out the batch axis 0: '{2}' normalises each example with its own statistics; reduce over 0 (and the spatial axes, 0, 2, 3 for [N, C, H, W])", ModulesCategory, DiagnosticSeverity.Warning,
            "Batch normalisation computes one mean and variance per channel over the batch (and spatial) axes; statistics over the channel or feature axis are layer or instance normalisation, and the per-channel scale and shift no longer match them.");

        public const string RunningStatisticsNotUpdatedId = "MG0109";

        public static readonly DiagnosticDescriptor RunningStatisticsNotUpdated = Create(
            RunningStatisticsNotUpdatedId, "Batch norm running statistics never updated", "{0}", ModulesCategory, DiagnosticSeverity.Warning,
            "The training path of a batch norm must update the running mean and variance (with its momentum); otherwise evaluation normalises with their initial values.");

        public const string BatchNormBatchOfOneId = "MG0110";

        public static readonly DiagnosticDescriptor BatchNormBatchOfOne = Create(
            BatchNormBatchOfOneId, "BatchNorm trained on batches of one", "'{0}' holds {1} and is trained here on a batch of one example: its batch statistics are those of a single example; train on batches of several examples, or use GroupNorm or LayerNorm", TrainingCategory, DiagnosticSeverity.Warning,
            "Batch statistics of one example are meaningless: BatchNorm1d maps every feature to its bias, BatchNorm2d normalises each image against itself, and the running statistics drift with single examples.");

        public const string UnchainableSequentialModuleId = "MG0111";

        public static readonly DiagnosticDescriptor UnchainableSequentialModule = Create(
            UnchainableSequentialModuleId, "Module cannot be chained in nn.Sequential", "'{0}' cannot be chained in nn.Sequential: {1}", ModulesCategory, DiagnosticSeverity.Error,
            "nn.Sequential passes one tensor from each module to the next; recurrent layers return tuples and attention takes several inputs, so the compiler rejects them (CS1503) with a message about the wrong overload.");

        public const string RecurrentInputNotSequenceId = "MG0112";

        public static readonly DiagnosticDescriptor RecurrentInputNotSequence = Create(
            RecurrentInputNotSequenceId, "Recurrent layer fed the last step instead of the sequence", "'{0}' is {1} of '{2}', but '{3}' expects the whole sequence: pass the first item of '{2}''s result", ModulesCategory, DiagnosticSeverity.Warning,
            "A stacked recurrent layer reads a sequence; the lower layer's final hidden state ([layers, N, H]) or last time step ([N, H]) is silently read as a short sequence or an unbatched one.");

        public const string FlattenNoOpId = "MG0113";

        public static readonly DiagnosticDescriptor FlattenNoOp = Create(
            FlattenNoOpId, "Flatten of a tensor that is already flat", "'{0}' flattens a tensor that is already flat ({1}): it does nothing", ModulesCategory, DiagnosticSeverity.Info,
            "Flattening from dimension 1 a tensor that is already [N, F] changes nothing; usually a layer is missing or out of place.");

        public const string ReshapeCountMismatchId = "MG0114";

        public static readonly DiagnosticDescriptor ReshapeCountMismatch = Create(
            ReshapeCountMismatchId, "View or reshape whose element count cannot match", "'{0}' cannot work: {1}", ModulesCategory, DiagnosticSeverity.Error,
            "A view, reshape or Unflatten must keep the number of elements; with the last size fixed by a layer built from constants, some targets can never fit.");

        public const string SkipConnectionLostId = "MG0115";

        public static readonly DiagnosticDescriptor SkipConnectionLost = Create(
            SkipConnectionLostId, "Skip connection lost", "When the shapes match, the block returns '{0}' and its input '{1}' never reaches the output: the skip connection is lost", ModulesCategory, DiagnosticSeverity.Warning,
            "A residual block adds its input to its path; a block that adds only when the shapes differ returns the plain path in the common case, so it is no residual block at all.");

        public const string ResidualAddOnlyWhenShapesDifferId = "MG0116";

        public static readonly DiagnosticDescriptor ResidualAddOnlyWhenShapesDiffer = Create(
            ResidualAddOnlyWhenShapesDifferId, "Residual add only when the shapes differ", "'{0}' runs only when '{1}', that is when the two tensors' shapes differ, and then they cannot be added (unless a differing size is 1)", ModulesCategory, DiagnosticSeverity.Error,
            "An add guarded by a test that the shapes differ runs exactly when it cannot work; the test is inverted, or the shortcut needs a projection.");

        public const string ResidualNeedsProjectionId = "MG0117";

        public static readonly DiagnosticDescriptor ResidualNeedsProjection = Create(
            ResidualNeedsProjectionId, "Residual add across a shape change without projection", "{0}", ModulesCategory, DiagnosticSeverity.Error,
            "When a residual block changes the channel count or the spatial size (a stride), the shortcut needs a projection (a 1x1 convolution with the same stride, and a batch norm) before the add.");

        public const string ActivationBeforeResidualAddId = "MG0118";

        public static readonly DiagnosticDescriptor ActivationBeforeResidualAdd = Create(
            ActivationBeforeResidualAddId, "ReLU applied before the residual add", "'{0}': ReLU applied before the residual add; ResNet v1 applies it after the add ('{1}')", ModulesCategory, DiagnosticSeverity.Info,
            "A ResNet v1 block returns relu(path + shortcut). relu(path) + shortcut is a valid but different block: its output is not rectified after the add, so it is not the published design and a stack of them behaves differently; a suggestion, not an error.");
    }
}
