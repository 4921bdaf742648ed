// Seed Q12 (line 452), lines 496-506: Dense(64) -> Dropout(0.5) -> Dense(10). Keras switches Dropout off in
// predict(); a TorchSharp module stays in training mode until eval(), and no_grad() does not change that
// (the usage half of bn-eval-path). Seed Q11's batch normalisation likewise needs batches: trained on one
// example at a time, its statistics are those of that example.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

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
            optimizer.zero_grad();
            loss.call(model.call(images), labels).backward();
            optimizer.step();
        }
        using (torch.no_grad())
        {
            var predictions = model.call(testImages).argmax(1);                  // MG0106
            return predictions.eq(testLabels).to_type(ScalarType.Float32).mean().item<float>();
        }
    }

    public static void TrainOneByOne(Tensor images, Tensor labels)
    {
        var model = nn.Sequential(nn.Linear(784, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 10));
        var optimizer = optim.SGD(model.parameters(), 0.01);
        var loss = nn.CrossEntropyLoss();
        for (long i = 0; i < images.shape[0]; i++)
        {
            optimizer.zero_grad();
            var output = model.call(images[i].unsqueeze(0));                     // MG0110
            loss.call(output, labels[i].unsqueeze(0)).backward();
            optimizer.step();
        }
    }
}
