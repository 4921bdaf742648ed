// Seed Q12 (line 452), fixed: eval() before predicting; BatchNorm trained on mini-batches.
using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public static class Regularization
{
    public static Sequential Build() => nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10));

    public static float TrainAndEvaluate(Tensor images, Tensor labels, Tensor testImages, Tensor testLabels)
    {
        var model = Build();
        var optimizer = optim.Adam(model.parameters());
        var loss = nn.CrossEntropyLoss();
        for (int epoch = 0; epoch < 5; epoch++)
        {
            model.train();
            optimizer.zero_grad();
            loss.call(model.call(images), labels).backward();
            optimizer.step();
        }
        model.eval();
        using (torch.no_grad())
        {
            var predictions = model.call(testImages).argmax(1);
            return predictions.eq(testLabels).to_type(ScalarType.Float32).mean().item<float>();
        }
    }

    public static void TrainInBatches(Tensor images, Tensor labels, long batchSize = 32)
    {
        var model = nn.Sequential(nn.Linear(784, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 10));
        var optimizer = optim.SGD(model.parameters(), 0.01);
        var loss = nn.CrossEntropyLoss();
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            long count = Math.Min(batchSize, images.shape[0] - start);
            optimizer.zero_grad();
            var output = model.call(images.narrow(0, start, count));
            loss.call(output, labels.narrow(0, start, count)).backward();
            optimizer.step();
        }
    }
}
