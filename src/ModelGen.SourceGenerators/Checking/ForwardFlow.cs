using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Layers;
using ModelGen.SourceGenerators.Parsing;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// Follows a <c>[Forward]</c> body statement by statement: every local holds a shape (or a size), every
/// layer call and torch operation goes through its shape rule, and each value remembers which inputs
/// and layers it came from, so inputs and layers that never reach the returned tensor are found.
/// </summary>
internal sealed class ForwardFlow
{
    private readonly ModelSpec _spec;
    private readonly ForwardSpec _forward;
    private readonly List<Shape> _inputs;
    private readonly LayerResolver _resolver;
    private readonly List<ModelIssue> _issues;
    private readonly CancellationToken _cancellationToken;
    private bool _broken;

    private readonly IReadOnlyDictionary<string, Shape> _states;

    public ForwardFlow(ModelSpec spec, List<Shape> inputs, IReadOnlyDictionary<string, Shape> states, LayerResolver resolver, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        _states = states;
        _spec = spec;
        _forward = spec.Forward!;
        _inputs = inputs;
        _resolver = resolver;
        _issues = issues;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The shapes the model returns: one, or one per element of its tuple; null when they cannot be followed.</summary>
    public IReadOnlyList<Shape>? Run()
    {
        var env = new Environment();
        for (int i = 0; i < _inputs.Count && i < _forward.Parameters.Count; i++)
        {
            string source = "input:" + _forward.Parameters[i];
            env.Set(_forward.Parameters[i], Value.Tensor(_inputs[i], source).WithInteger(_spec.Inputs[i].IsInteger).WithSkips(new[] { source }));
        }

        var returns = new List<(Value Value, ForwardNode Node)>();
        Execute(_forward.Statements, env, returns);
        _resolver.Finish(reportUnapplied: !_broken);

        if (returns.Count == 0)
        {
            if (!_broken)
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ForwardSignatureMismatchId, IssueTarget.Forward, _forward.MethodName, "never returns a tensor the checker could follow"));
            }
            return null;
        }
        var first = returns[0];
        var shapes = Shapes(first.Value);
        foreach (var other in returns.Skip(1))
        {
            if (!Shapes(other.Value).SequenceEqual(shapes))
            {
                Mismatch(other.Node, $"this return has shape {Describe(other.Value)} but the return at '{first.Node.Text}' has shape {Describe(first.Value)}; every path must return the same shape");
                return null;
            }
        }
        if (_broken)
        {
            // Reachability is only meaningful when every statement was followed.
            return shapes;
        }
        var sources = new HashSet<string>(returns.SelectMany(r => r.Value.AllSources()), System.StringComparer.Ordinal);
        foreach (var input in _spec.Inputs)
        {
            if (!sources.Contains("input:" + input.Name))
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.InputNeverUsedId,
                    new IssueTarget(IssueTargetKind.Input, IndexOfInput(input.Name), null, SourceSpan.None), input.Name, _spec.Name));
                continue;
            }
            // An input whose identity path reaches some returns but not others: the seed's inverted residual returns the plain path.
            if (!returns.Any(r => Skips(r.Value).Contains("input:" + input.Name)))
            {
                continue;
            }
            foreach (var lost in returns.Where(r => !Skips(r.Value).Contains("input:" + input.Name)))
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.TorchSharpRules.SkipConnectionLostId, IssueTarget.Code(lost.Node.Span), lost.Node.Text, input.Name));
            }
        }
        for (int i = 0; i < _spec.Layers.Count; i++)
        {
            if (!sources.Contains("layer:" + _spec.Layers[i].PropertyName))
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.LayerNeverUsedId, IssueTarget.Layer(i), _spec.Layers[i].PropertyName, _spec.Name));
            }
        }
        foreach (var (add, suggestion) in returns.SelectMany(r => r.Value.Items ?? new[] { r.Value })
            .Select(v => v.ActivationBeforeAdd).OfType<(ForwardNode Add, string Suggestion)>().Distinct())
        {
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeResidualAddId, IssueTarget.Code(add.Span), add.Text, suggestion));
        }
        return shapes;
    }

    /// <summary>A returned value's shapes: the tensor's, or each element's of a returned tuple.</summary>
    private static IReadOnlyList<Shape> Shapes(Value value) => value.Shape is { } shape ? new[] { shape } : value.Items!.Select(i => i.Shape!).ToList();

    private static string Describe(Value value) => value.Shape?.ToString() ?? "(" + string.Join(", ", value.Items!.Select(i => i.Shape)) + ")";

    private static IEnumerable<string> Skips(Value value) => value.Shape is not null ? value.Skips : value.Items!.SelectMany(i => i.Skips);

    /// <summary>Runs statements; returns false when every path through them has returned.</summary>
    private bool Execute(EquatableArray<ForwardStatement> statements, Environment env, List<(Value, ForwardNode)> returns)
    {
        foreach (var statement in statements)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (statement.Kind)
            {
                case ForwardStatementKind.If:
                    var then = env.Clone();
                    var otherwise = env.Clone();
                    bool thenContinues = Execute(statement.Then, then, returns);
                    bool elseContinues = Execute(statement.Else, otherwise, returns);
                    if (!thenContinues && !elseContinues)
                    {
                        return false;
                    }
                    env.Merge(thenContinues ? then : null, elseContinues ? otherwise : null);
                    continue;
                case ForwardStatementKind.Unsupported:
                    Evaluate(statement.Value, env);
                    _broken = true;
                    continue;
            }

            var value = Evaluate(statement.Value, env);
            if (value is null)
            {
                _broken = true;
                if (statement.Kind is ForwardStatementKind.Assign or ForwardStatementKind.Deconstruct)
                {
                    foreach (var name in statement.Target.Split(','))
                    {
                        env.SetUnknown(name);
                    }
                }
                else if (statement.Kind == ForwardStatementKind.Return)
                {
                    return false;
                }
                continue;
            }
            switch (statement.Kind)
            {
                case ForwardStatementKind.Deconstruct:
                    var names = statement.Target.Split(',');
                    if (value.Items is not { } items || items.Count != names.Length)
                    {
                        Unsupported(statement.Value, $"'{statement.Value.Text}'", $"it is not a tuple of {names.Length} the checker followed");
                        _broken = true;
                        break;
                    }
                    for (int i = 0; i < names.Length; i++)
                    {
                        if (names[i] != "_")
                        {
                            env.Set(names[i], items[i]);
                        }
                    }
                    break;
                case ForwardStatementKind.Return when ReturnProblem(value) is { } problem:
                    Unsupported(statement.Value, $"'{statement.Value.Text}'", problem);
                    _broken = true;
                    return false;
                case ForwardStatementKind.Return:
                    returns.Add((value, statement.Value));
                    return false;
                case ForwardStatementKind.Assign:
                    env.Set(statement.Target, value);
                    break;
                case ForwardStatementKind.Evaluate when InPlaceReceiver(statement.Value) is { } receiver && env.Get(receiver, out _) == Binding.Known:
                    // h.add_(x) updates h: it now depends on x too (and carries x's identity path), as h = h + x would.
                    env.Set(receiver, value);
                    break;
            }
        }
        return true;
    }

    /// <summary>The local an in-place operation statement updates (<c>h</c> in <c>h.add_(x)</c>), or null.</summary>
    private static string? InPlaceReceiver(ForwardNode node) =>
        node.Kind == ForwardNodeKind.Operation && TorchOperations.InPlace.Contains(node.Name)
            && node.Operands.Count > 0 && node.Operands[0].Kind == ForwardNodeKind.Variable
            ? node.Operands[0].Name
            : null;

    /// <summary>Why a returned value is not what the method declares (a tensor, or a tuple of as many tensors), or null.</summary>
    private string? ReturnProblem(Value value)
    {
        if (!_forward.ReturnsTuple)
        {
            return value.Shape is null ? "a [Forward] method returns a tensor" : null;
        }
        int count = _forward.Outputs.Count;
        return value.Items is { } items && items.Count == count && items.All(i => i.Shape is not null)
            ? null
            : $"the method returns a tuple of {count} tensors, which the checker follows when written as a tuple of tensors: return ({string.Join(", ", Enumerable.Range(0, count).Select(i => "t" + (i + 1)))})";
    }

    private int IndexOfInput(string name)
    {
        for (int i = 0; i < _spec.Inputs.Count; i++)
        {
            if (_spec.Inputs[i].Name == name)
            {
                return i;
            }
        }
        return 0;
    }

    private Value? Evaluate(ForwardNode node, Environment env)
    {
        switch (node.Kind)
        {
            case ForwardNodeKind.Variable:
                return env.Get(node.Name, out var local) switch
                {
                    Binding.Known => local,
                    Binding.Unknown => null,
                    Binding.Conflict => Mismatch(node, $"'{node.Name}' has shape {local!.Shape} on one path through the if and a different shape on the other"),
                    _ => Unsupported(node, $"'{node.Name}'", "it holds no value the checker followed (assign it from a layer call or a torch operation)"),
                };
            case ForwardNodeKind.Hyperparameter:
                return Value.Size(_resolver.Scope.Substitute(Dim.Sym(node.Name)));
            case ForwardNodeKind.State:
                return _states.TryGetValue(node.Name, out var state) ? Value.Tensor(state) : null;
            case ForwardNodeKind.Integer:
                return Value.Size(Dim.Const(node.Arguments[0].Value.Integers[0]));
            case ForwardNodeKind.Scalar:
                return Value.Scalar();
            case ForwardNodeKind.SizeOf:
                return SizeOf(node, env);
            case ForwardNodeKind.SizeArithmetic:
                return SizeArithmetic(node, env);
            case ForwardNodeKind.List:
                var items = new List<Value>();
                foreach (var operand in node.Operands)
                {
                    var item = Evaluate(operand, env);
                    if (item is null)
                    {
                        return null;
                    }
                    items.Add(item);
                }
                return Value.List(items);
            case ForwardNodeKind.LayerCall:
                return LayerCall(node, env);
            case ForwardNodeKind.Operation:
                return Operation(node, env);
            case ForwardNodeKind.TupleItem:
                return TupleItem(node, env);
            case ForwardNodeKind.Null:
                return Unsupported(node, "null", "null stands only for an absent optional argument of a layer call");
            case ForwardNodeKind.Unsupported when node.Name.Length == 0:
                return null;
            default:
                var advice = node.Arguments.FirstOrDefault(a => a.Name == "advice")?.Value.Text ?? "";
                return Unsupported(node, node.Name, advice);
        }
    }

    private Value? Unsupported(ForwardNode node, string what, string advice)
    {
        _issues.Add(ModelIssue.Create(DiagnosticDescriptors.UnsupportedForwardConstructId, IssueTarget.Code(node.Span), what, _forward.MethodName, advice));
        return null;
    }

    private Value? Mismatch(ForwardNode node, string message, EquatableArray<IssueProperty> properties = default)
    {
        _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, IssueTarget.Code(node.Span), $"'{node.Text}': {message}") with { Properties = properties });
        return null;
    }

    private Value? Tensor(ForwardNode node, int index, Environment env, out Shape shape)
    {
        shape = null!;
        if (index >= node.Operands.Count)
        {
            return Unsupported(node, $"'{node.Text}'", "a tensor operand is missing");
        }
        var value = Evaluate(node.Operands[index], env);
        if (value is null)
        {
            return null;
        }
        if (value.Shape is null)
        {
            return Unsupported(node.Operands[index], $"'{node.Operands[index].Text}'", "a tensor is expected here");
        }
        shape = value.Shape;
        return value;
    }

    private Value? SizeOf(ForwardNode node, Environment env)
    {
        var tensor = Tensor(node, 0, env, out var shape);
        if (tensor is null)
        {
            return null;
        }
        long dim = node.Arguments[0].Value.Integers[0];
        long axis = dim < 0 ? dim + shape.Rank : dim;
        if (axis < 0 || axis >= shape.Rank)
        {
            return Mismatch(node, $"dimension {dim} is out of range for a tensor of shape {shape}");
        }
        // Only the size is read: the tensor's values do not flow on, so it does not count as reaching the output.
        return Value.Size(shape[(int)axis]);
    }

    private Value? SizeArithmetic(ForwardNode node, Environment env)
    {
        var left = Evaluate(node.Operands[0], env);
        var right = Evaluate(node.Operands[1], env);
        if (left?.Dim is null || right?.Dim is null)
        {
            return left is null || right is null ? null : Unsupported(node, $"'{node.Text}'", "size arithmetic takes sizes and integer constants");
        }
        Dim? result = node.Name switch
        {
            "+" => left.Dim + right.Dim,
            "-" => left.Dim - right.Dim,
            "*" => left.Dim * right.Dim,
            _ => right.Dim.ConstantValue is > 0 ? Dim.FloorDiv(left.Dim, right.Dim.ConstantValue.Value) : null,
        };
        return result is null
            ? Unsupported(node, $"'{node.Text}'", "sizes can be divided only by a positive constant")
            : Value.Size(result, left.Sources.Concat(right.Sources));
    }

    private Value? LayerCall(ForwardNode node, Environment env)
    {
        int index = _resolver.IndexOf(node.Name);
        var arguments = new List<IReadOnlyList<Shape>?>();
        var integers = new List<bool>();
        var sources = new List<string> { "layer:" + node.Name };
        var values = new List<Value>();
        foreach (var operand in node.Operands)
        {
            if (operand.Kind == ForwardNodeKind.Null)
            {
                arguments.Add(null);
                integers.Add(false);
                continue;
            }
            var value = Evaluate(operand, env);
            if (value is null)
            {
                return null;
            }
            var shapes = value.Shape is { } single ? new[] { single }
                : value.Items is { } items && items.All(i => i.Shape is not null) ? items.Select(i => i.Shape!).ToArray()
                : null;
            if (shapes is null)
            {
                return Unsupported(operand, $"'{operand.Text}'", "a layer takes tensors (or a tuple of tensors, or null for an absent optional one)");
            }
            arguments.Add(shapes);
            integers.Add(value.IsInteger);
            values.Add(value);
            sources.AddRange(value.AllSources());
        }
        if (index < 0)
        {
            return null;
        }
        var application = _resolver.Call(index, new LayerInputs(arguments, integers), IssueTarget.Code(node.Span));
        if (application is null)
        {
            return null;
        }
        if (application.Tuple is { } tuple)
        {
            return Value.List(tuple.Select(shape => Value.Tensor(shape, sources)).ToList());
        }
        var output = Value.Tensor(application.Result.Output!, sources);
        // A [ReLU] layer applied to a path through layers, as nn.functional.relu would be (MG0118).
        return _spec.Layers[index].Kind == "ReLU" && values.Count == 1 && node.Operands.Count == 1 && values[0].ThroughLayers
            ? output.AsReluOf(node.Operands[0].Text)
            : output;
    }

    private Value? TupleItem(ForwardNode node, Environment env)
    {
        var tuple = Evaluate(node.Operands[0], env);
        if (tuple is null)
        {
            return null;
        }
        long position = node.Arguments[0].Value.Integers[0];
        if (tuple.Items is not { } items || position >= items.Count)
        {
            return Unsupported(node, $"'{node.Text}'", "it is not an element of a tuple the checker followed");
        }
        return items[(int)position];
    }

    private Value? Operation(ForwardNode node, Environment env)
    {
        var operands = new List<Value>();
        foreach (var operand in node.Operands)
        {
            var value = Evaluate(operand, env);
            if (value is null)
            {
                return null;
            }
            operands.Add(value);
        }
        var sources = operands.SelectMany(o => o.AllSources());
        var tensors = operands.Where(o => o.Shape is not null).Select(o => o.Shape!).ToList();
        if (node.Name is not ("cat" or "stack") && tensors.Count == 0)
        {
            return Unsupported(node, $"'{node.Text}'", "the checker follows operations on tensors");
        }
        var result = OperationShapes.Apply(node.Name, operands, tensors, node.Arguments);
        if (result.Unsupported is { } reason)
        {
            return Unsupported(node, $"'{node.Text}'", reason);
        }
        if (!result.Shape.Success || result.Shape.Output is null)
        {
            return Mismatch(node, result.Shape.Error!.Message, ResidualProjection.Find(_spec, _resolver.Scope, _inputs, node, operands));
        }
        foreach (var requirement in result.Shape.Requirements)
        {
            _resolver.AddRequirement(requirement, $"at '{node.Text}'");
        }
        if (node.Name == "flatten" && tensors.Count == 1 && tensors[0].Equals(result.Shape.Output) && tensors[0].Rank == 2)
        {
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.TorchSharpRules.FlattenNoOpId, IssueTarget.Code(node.Span), node.Text, tensors[0].ToString()));
        }
        // Ids stay ids through operations that only move or pick elements.
        bool integer = operands.Count > 0 && operands[0].IsInteger && TorchOperations.KeepsElements(node.Name);
        return ActivationOrder(node, operands, Value.Tensor(result.Shape.Output, sources).WithInteger(integer).WithSkips(operands.SelectMany(o => o.Skips)));
    }

    /// <summary>
    /// Marks a ReLU of a path through layers, and an add of such a ReLU to an input's identity path: returned,
    /// that add is the seed's relu(h) + x where ResNet v1 has relu(h + x) (MG0118, reported in <see cref="Run"/>).
    /// </summary>
    private static Value ActivationOrder(ForwardNode node, IReadOnlyList<Value> operands, Value value)
    {
        if (node.Name is "relu" or "relu_" && operands.Count == 1 && operands[0].ThroughLayers)
        {
            return value.AsReluOf(node.Operands[0].Text);
        }
        if (node.Name is "add" && operands.Count == 2 && node.Operands.Count == 2)
        {
            for (int i = 0; i < 2; i++)
            {
                if (operands[i].ReluOfLayerPath is { } path && operands[1 - i].Skips.Count > 0 && operands[1 - i].ReluOfLayerPath is null)
                {
                    return value.AsActivationBeforeAdd(node, $"relu({path} + {node.Operands[1 - i].Text})");
                }
            }
        }
        return value;
    }

}
