using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>What libtorch did with one configuration.</summary>
internal sealed record TorchOutcome(bool Success, long[][]? Shapes, long Parameters, string? Error);

/// <summary>Runs a case on libtorch and compares the engine with it; libtorch is the truth.</summary>
internal static class DiffChecker
{
    public static TorchOutcome RunTorch(DiffCase c)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        try
        {
            var inputs = c.Inputs.Select((sizes, i) => c.CreateInput?.Invoke(i, sizes) ?? torch.zeros(sizes)).ToArray();
            var result = c.Torch(inputs);
            return new TorchOutcome(true, result.Outputs.Select(o => o.shape).ToArray(), result.Parameters, null);
        }
        catch (Exception e)
        {
            return new TorchOutcome(false, null, 0, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// For the concrete inputs and every symbolic variant: an engine that accepts (with its run-time
    /// requirements satisfied by the bound values) must match libtorch's output shape and parameter
    /// count (every output of a tuple, in order); an engine that rejects (an error, or a requirement the
    /// bound values violate) must meet a libtorch that throws. Returns one line per disagreement.
    /// </summary>
    public static List<string> Check(DiffCase c, TorchOutcome torchOutcome, out int variantsChecked)
    {
        var problems = new List<string>();
        var variants = new List<SymbolicVariant> { new("concrete", c.Inputs.Select(Shape.OfSizes).ToArray(), new Dictionary<string, long>()) };
        variants.AddRange(c.Variants);
        variantsChecked = variants.Count;
        string torchText = torchOutcome.Success ? $"torch gives {string.Join(" ", torchOutcome.Shapes!.Select(Sym.Text))} with {torchOutcome.Parameters} parameters" : $"torch throws {torchOutcome.Error}";

        if (c.TorchQuirk is not null && !torchOutcome.Success)
        {
            problems.Add($"{c.Description}: torch was expected to accept ({c.TorchQuirk}) but {torchText}");
        }
        foreach (var variant in variants)
        {
            string where = $"{c.Description} [{variant.Name}: {string.Join(" ", variant.Shapes.Select(s => s.ToString()))}]";
            EngineOutcome engine;
            try
            {
                engine = (variant.Engine ?? c.Engine)(variant.Shapes);
            }
            catch (Exception e)
            {
                problems.Add($"{where}: the engine threw {e.GetType().Name}: {e.Message}; {torchText}");
                continue;
            }

            if (!engine.Success)
            {
                if (torchOutcome.Success && c.TorchQuirk is null)
                {
                    problems.Add($"{where}: the engine rejects ({engine.Error}) but {torchText}");
                }
                continue;
            }

            if (variant.Name == "concrete" && engine.Requirements.Count != 0)
            {
                problems.Add($"{where}: concrete input left run-time requirements: {string.Join("; ", engine.Requirements)}");
            }
            bool satisfied = true;
            foreach (var requirement in engine.Requirements)
            {
                var holds = requirement.IsSatisfied(variant.Binding);
                if (holds is null)
                {
                    problems.Add($"{where}: requirement {requirement} has an unbound symbol");
                }
                satisfied &= holds == true;
            }

            if (!satisfied)
            {
                if (torchOutcome.Success && !c.SymbolicMayOverReject && c.TorchQuirk is null)
                {
                    problems.Add($"{where}: a requirement rejects at run time ({string.Join("; ", engine.Requirements)}) but {torchText}");
                }
                continue;
            }
            string engineText = string.Join(" ", engine.Outputs.Select(o => o.ToString()));
            if (c.TorchQuirk is not null)
            {
                problems.Add($"{where}: the engine accepts with {engineText}, but PyTorch rejects this ({c.TorchQuirk})");
                continue;
            }
            if (!torchOutcome.Success)
            {
                problems.Add($"{where}: the engine accepts with {engineText} but {torchText}");
                continue;
            }
            var shapes = engine.Outputs.Select(o => o.Evaluate(variant.Binding)).ToArray();
            bool same = shapes.Length == torchOutcome.Shapes!.Length
                && shapes.Zip(torchOutcome.Shapes, (mine, theirs) => mine is not null && mine.SequenceEqual(theirs)).All(x => x);
            if (!same)
            {
                problems.Add($"{where}: the engine gives {engineText} = {string.Join(" ", shapes.Select(s => s is null ? "(unbound)" : Sym.Text(s)))} but {torchText}");
            }
            var parameters = engine.Parameters.Evaluate(variant.Binding);
            if (parameters != torchOutcome.Parameters)
            {
                problems.Add($"{where}: the engine counts {engine.Parameters} = {parameters} parameters but {torchText}");
            }
        }
        return problems;
    }

    /// <summary>The module's parameter count as PyTorch sums it: numel over parameters().</summary>
    public static long Count(torch.nn.Module module) => module.parameters().Sum(p => p.numel());
}
