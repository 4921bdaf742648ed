using Xunit;

// The samples seed TorchSharp's one global generator before building a model; tests running side by side
// would draw from it in turn and no run would be reproducible.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
