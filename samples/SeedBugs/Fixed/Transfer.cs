// Seed Q9 (line 305), fixed: the base is frozen with a loop, the head is part of the model before the
// optimizer is created, and the optimizer gets only the parameters that are trained.
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public static class Transfer
{
    public static Sequential Backbone() =>
        nn.Sequential(nn.Conv2d(3, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(7));

    public static void FineTune(Tensor images, Tensor labels)
    {
        var backbone = Backbone();
        foreach (var p in backbone.parameters())
        {
            p.requires_grad = false;
        }
        var head = nn.Linear(128 * 7 * 7, 1000);
        var model = nn.Sequential(backbone, nn.Flatten(), head);
        var optimizer = optim.Adam(model.parameters().Where(p => p.requires_grad));

        optimizer.zero_grad();
        nn.CrossEntropyLoss().call(model.call(images), labels).backward();
        optimizer.step();
    }
}
