using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>What libtorch did with one configuration.</summary>
internal sealed record TorchOutcome(bool Success, long[]? Shape, long Parameters, string? Error);

/// <summary>Runs a case on libtorch and compares the engine with it; libtorch is the truth.</summary>
internal static class DiffChecker
{
    public static TorchOutcome RunTorch(DiffCase c)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        try
        {
            var inputs = c.Inputs.Select(sizes => torch.zeros(sizes)).ToArray();
            var (output, parameters) = c.Torch(inputs);
            return new TorchOutcome(true, output.shape, parameters, null);
        }
        catch (Exception e)
        {
            return new TorchOutcome(false, null, 0, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// For the concrete inputs and every symbolic variant: an engine that accepts (with its run-time
    /// requirements satisfied by the bound values) must match libtorch's output shape and parameter
    /// count; an engine that rejects (an error, or a requirement the bound values violate) must meet a
    /// libtorch that throws. Returns one line per disagreement.
    /// </summary>
    public static List<string> Check(DiffCase c, TorchOutcome torchOutcome, out int variantsChecked)
    {
        var problems = new List<string>();
        var variants = new List<SymbolicVariant> { new("concrete", c.Inputs.Select(Shape.OfSizes).ToArray(), new Dictionary<string, long>()) };
        variants.AddRange(c.Variants);
        variantsChecked = variants.Count;
        string torchText = torchOutcome.Success ? $"torch gives {Sym.Text(torchOutcome.Shape!)} with {torchOutcome.Parameters} parameters" : $"torch throws {torchOutcome.Error}";

        foreach (var variant in variants)
        {
            string where = $"{c.Description} [{variant.Name}: {string.Join(" ", variant.Shapes.Select(s => s.ToString()))}]";
            EngineOutcome engine;
            try
            {
                engine = c.Engine(variant.Shapes);
            }
            catch (Exception e)
            {
                problems.Add($"{where}: the engine threw {e.GetType().Name}: {e.Message}; {torchText}");
                continue;
            }

            if (!engine.Success)
            {
                if (torchOutcome.Success)
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
                if (torchOutcome.Success && !c.SymbolicMayOverReject)
                {
                    problems.Add($"{where}: a requirement rejects at run time ({string.Join("; ", engine.Requirements)}) but {torchText}");
                }
                continue;
            }
            if (!torchOutcome.Success)
            {
                problems.Add($"{where}: the engine accepts with {engine.Output} but {torchText}");
                continue;
            }
            var shape = engine.Output!.Evaluate(variant.Binding);
            if (shape is null || !shape.SequenceEqual(torchOutcome.Shape!))
            {
                problems.Add($"{where}: the engine gives {engine.Output} = {(shape is null ? "(unbound)" : Sym.Text(shape))} but {torchText}");
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
