// Seed Q2 (line 36), lines 64-71: Conv2D(32, 3x3, relu) on 28x28x1, Flatten, Dense(10, softmax), compiled
// with categorical_crossentropy. Keras' loss takes probabilities; ported to torch's CrossEntropyLoss, which
// takes logits, the softmax is applied twice (softmax-logits).
using TorchSharp;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public static class Classifier
{
    public static nn.Module<Tensor, Tensor> Build() =>
        nn.Sequential(
            nn.Conv2d(1, 32, 3),
            nn.ReLU(),
            nn.Flatten(),
            nn.Linear(32 * 26 * 26, 10),
            nn.Softmax(1));

    public static float TrainStep(Tensor images, Tensor labels)
    {
        var model = Build();
        var optimizer = optim.Adam(model.parameters());
        var loss = nn.CrossEntropyLoss();
        optimizer.zero_grad();
        var value = loss.call(model.call(images), labels);    // MG0101
        value.backward();
        optimizer.step();
        return value.item<float>();
    }
}
