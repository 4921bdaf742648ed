// Seed Q2 (line 36), fixed: the model returns logits; the softmax is taken only where probabilities are wanted.
using TorchSharp;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public static class Classifier
{
    public static nn.Module<Tensor, Tensor> Build() =>
        nn.Sequential(
            nn.Conv2d(1, 32, 3),
            nn.ReLU(),
            nn.Flatten(),
            nn.Linear(32 * 26 * 26, 10));

    public static float TrainStep(Tensor images, Tensor labels)
    {
        var model = Build();
        var optimizer = optim.Adam(model.parameters());
        var loss = nn.CrossEntropyLoss();
        optimizer.zero_grad();
        var value = loss.call(model.call(images), labels);
        value.backward();
        optimizer.step();
        return value.item<float>();
    }

    public static Tensor Probabilities(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        model.eval();
        using (torch.no_grad())
        {
            return model.call(images).softmax(1);
        }
    }
}
