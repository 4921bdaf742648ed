// Seed Q9 (line 305), lines 331-338, repeated in Q19 and Q26: a pretrained VGG16 base (include_top=False) is
// never frozen, and a Dense(1000) head is added to the model after it was built (add-after-build).
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public static class Transfer
{
    /// <summary>A small stand-in for the pretrained VGG16 convolutional base.</summary>
    public static Sequential Backbone() =>
        nn.Sequential(nn.Conv2d(3, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(7));

    public static void FineTune(Tensor images, Tensor labels)
    {
        var backbone = Backbone();
        backbone.parameters().Select(p => p.requires_grad = false);    // MG0105: never runs
        var model = nn.Sequential(backbone, nn.Flatten());
        var optimizer = optim.Adam(model.parameters());
        model.append(nn.Linear(128 * 7 * 7, 1000));                    // MG0104: model.add(Dense(units=1000, ...))

        optimizer.zero_grad();
        nn.CrossEntropyLoss().call(model.call(images), labels).backward();
        optimizer.step();
    }
}
