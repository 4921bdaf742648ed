using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Parsing;

/// <summary>
/// Turns the body of a <c>[Forward]</c> method into <see cref="ForwardStatement"/>s over tensors,
/// layers and sizes, reading Roslyn's operation tree so that named arguments, <c>params</c> arrays,
/// implicit conversions and expression bodies all come out the same. What it does not understand
/// becomes an Unsupported node that says precisely what it is; the method itself is never rewritten.
/// </summary>
/// <summary>The members of a model a forward body may read: layers, hyperparameters (true when integer), parameters and buffers.</summary>
internal sealed record ForwardMembers(HashSet<string> Layers, Dictionary<string, bool> Hyperparameters, HashSet<string> Tensors);

internal sealed class ForwardBodyParser
{
    private readonly SemanticModel _semanticModel;
    private readonly MethodDeclarationSyntax _method;
    private readonly ForwardMembers _members;
    private readonly HashSet<string> _layers;
    private readonly INamedTypeSymbol _model;
    private readonly CancellationToken _cancellationToken;

    public ForwardBodyParser(SemanticModel semanticModel, MethodDeclarationSyntax method, ForwardMembers members, INamedTypeSymbol model, CancellationToken cancellationToken)
    {
        _semanticModel = semanticModel;
        _method = method;
        _members = members;
        _layers = members.Layers;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public EquatableArray<ForwardStatement> Parse()
    {
        var statements = new List<ForwardStatement>();
        if (_method.ExpressionBody is { Expression: ConditionalExpressionSyntax choice })
        {
            statements.Add(Branches(choice, arm => new ForwardStatement(ForwardStatementKind.Return, "", Expression(arm))));
        }
        else if (_method.ExpressionBody is { } arrow)
        {
            statements.Add(new ForwardStatement(ForwardStatementKind.Return, "", Expression(arrow.Expression)));
        }
        else if (_method.Body is { } body)
        {
            foreach (var statement in body.Statements)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Statement(statement, statements);
            }
        }
        return statements.ToEquatableArray();
    }

    private void Statement(StatementSyntax syntax, List<ForwardStatement> statements)
    {
        switch (syntax)
        {
            case LocalDeclarationStatementSyntax local:
                foreach (var variable in local.Declaration.Variables)
                {
                    if (variable.Initializer is { Value: ConditionalExpressionSyntax choice })
                    {
                        string name = variable.Identifier.ValueText;
                        statements.Add(Branches(choice, arm => new ForwardStatement(ForwardStatementKind.Assign, name, Expression(arm))));
                    }
                    else if (variable.Initializer is { } initializer)
                    {
                        statements.Add(new ForwardStatement(ForwardStatementKind.Assign, variable.Identifier.ValueText, Expression(initializer.Value)));
                    }
                }
                return;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                Assignment(assignment, statements);
                return;
            case ReturnStatementSyntax { Expression: ConditionalExpressionSyntax choice }:
                // return c ? a : b; is followed as if (c) return a; else return b; so each path is checked on its own.
                statements.Add(Branches(choice, arm => new ForwardStatement(ForwardStatementKind.Return, "", Expression(arm))));
                return;
            case ReturnStatementSyntax { Expression: { } value }:
                statements.Add(new ForwardStatement(ForwardStatementKind.Return, "", Expression(value)));
                return;
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }:
                statements.Add(new ForwardStatement(ForwardStatementKind.Evaluate, "", Expression(invocation)));
                return;
            case IfStatementSyntax conditional:
                var then = new List<ForwardStatement>();
                var otherwise = new List<ForwardStatement>();
                Statement(conditional.Statement, then);
                if (conditional.Else is { } elseClause)
                {
                    Statement(elseClause.Statement, otherwise);
                }
                // The condition does not shape anything; both branches are followed.
                statements.Add(new ForwardStatement(ForwardStatementKind.If, "", Leaf(ForwardNodeKind.Scalar, "", conditional.Condition),
                    then.ToEquatableArray(), otherwise.ToEquatableArray()));
                return;
            case UsingStatementSyntax { Statement: { } usingBody }:
                // using (torch.no_grad()) { ... } changes gradient recording, not shapes.
                Statement(usingBody, statements);
                return;
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    Statement(inner, statements);
                }
                return;
            case EmptyStatementSyntax:
                return;
            default:
                statements.Add(new ForwardStatement(ForwardStatementKind.Unsupported, "", Unsupported(syntax, Describe(syntax),
                    "write the wiring as straight-line code: assignments of layer calls and torch operations, then a return")));
                return;
        }
    }

    private void Assignment(AssignmentExpressionSyntax assignment, List<ForwardStatement> statements)
    {
        if (assignment.Left is DeclarationExpressionSyntax or TupleExpressionSyntax)
        {
            var names = DeconstructionTargets(assignment.Left);
            statements.Add(names is null
                ? new ForwardStatement(ForwardStatementKind.Unsupported, "", Unsupported(assignment.Left, "the deconstruction '" + assignment.Left + "'", "deconstruct into new or existing locals: var (output, hidden, cell) = Lstm.call(x, null)"))
                : new ForwardStatement(ForwardStatementKind.Deconstruct, string.Join(",", names), Expression(assignment.Right)));
            return;
        }
        var target = _semanticModel.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol;
        if (target is not (ILocalSymbol or IParameterSymbol))
        {
            statements.Add(new ForwardStatement(ForwardStatementKind.Unsupported, "", Unsupported(assignment, "an assignment to '" + assignment.Left + "'",
                "assign only to locals and parameters; fields and properties hide the data flow from the checker")));
            return;
        }
        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right is ConditionalExpressionSyntax choice)
        {
            statements.Add(Branches(choice, arm => new ForwardStatement(ForwardStatementKind.Assign, target.Name, Expression(arm))));
            return;
        }
        var operation = _semanticModel.GetOperation(assignment, _cancellationToken);
        ForwardNode value = operation switch
        {
            ISimpleAssignmentOperation simple => Node(simple.Value),
            ICompoundAssignmentOperation compound when BinaryName(compound.OperatorKind) is { } name =>
                Binary(name, compound.Target, compound.Value, assignment),
            _ => Unsupported(assignment, "the assignment '" + assignment + "'", "use a plain '=' or one of += -= *= /="),
        };
        statements.Add(new ForwardStatement(ForwardStatementKind.Assign, target.Name, value));
    }

    /// <summary>A conditional expression at the top of a statement, as an <c>if</c> whose branches do the statement with each arm.</summary>
    private ForwardStatement Branches(ConditionalExpressionSyntax choice, System.Func<ExpressionSyntax, ForwardStatement> statement) =>
        new(ForwardStatementKind.If, "", Leaf(ForwardNodeKind.Scalar, "", choice.Condition),
            Arm(choice.WhenTrue, statement), Arm(choice.WhenFalse, statement));

    private EquatableArray<ForwardStatement> Arm(ExpressionSyntax arm, System.Func<ExpressionSyntax, ForwardStatement> statement)
    {
        while (arm is ParenthesizedExpressionSyntax parenthesized)
        {
            arm = parenthesized.Expression;
        }
        return new EquatableArray<ForwardStatement>(new[] { arm is ConditionalExpressionSyntax nested
            ? Branches(nested, statement)
            : statement(arm) });
    }

    /// <summary>The names a deconstruction assigns, <c>_</c> for discards; null when it nests or assigns to something else.</summary>
    private static List<string>? DeconstructionTargets(ExpressionSyntax left)
    {
        var names = new List<string>();
        switch (left)
        {
            case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation }:
                foreach (var variable in designation.Variables)
                {
                    if (variable is SingleVariableDesignationSyntax single)
                    {
                        names.Add(single.Identifier.ValueText);
                    }
                    else if (variable is DiscardDesignationSyntax)
                    {
                        names.Add("_");
                    }
                    else
                    {
                        return null;
                    }
                }
                return names;
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    switch (argument.Expression)
                    {
                        case IdentifierNameSyntax identifier:
                            names.Add(identifier.Identifier.ValueText);
                            break;
                        case DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single }:
                            names.Add(single.Identifier.ValueText);
                            break;
                        case DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax }:
                            names.Add("_");
                            break;
                        default:
                            return null;
                    }
                }
                return names;
            default:
                return null;
        }
    }

    private ForwardNode Expression(ExpressionSyntax syntax)
    {
        var operation = _semanticModel.GetOperation(syntax, _cancellationToken);
        return operation is null
            ? new ForwardNode(ForwardNodeKind.Unsupported, "", EquatableArray<ForwardNode>.Empty, EquatableArray<HyperParameter>.Empty, Span(syntax), syntax.ToString())
            : Node(operation);
    }

    private ForwardNode Node(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var syntax = operation.Syntax;
        if (operation is IInvalidOperation || operation.Type is IErrorTypeSymbol)
        {
            // The compiler reports this code itself; a second diagnostic would only add noise.
            return new ForwardNode(ForwardNodeKind.Unsupported, "", EquatableArray<ForwardNode>.Empty, EquatableArray<HyperParameter>.Empty, Span(syntax), syntax.ToString());
        }
        if (operation.ConstantValue is { HasValue: true, Value: { } constant } && IsIntegral(operation.Type))
        {
            return Leaf(ForwardNodeKind.Integer, "", syntax, new HyperParameter("value", ModelParser.FromObject(constant)));
        }
        switch (operation)
        {
            case IConversionOperation conversion when conversion.OperatorMethod is null:
                return Node(conversion.Operand);
            case IConversionOperation conversion when IsNumeric(conversion.Operand.Type):
                return Leaf(ForwardNodeKind.Scalar, "", syntax);
            case IParenthesizedOperation parenthesized:
                return Node(parenthesized.Operand);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                return Leaf(ForwardNodeKind.Null, "", syntax);
            case IDefaultValueOperation:
                return Leaf(ForwardNodeKind.Null, "", syntax);
            case IFieldReferenceOperation { Field: var element, Instance: { } tuple } when tuple.Type?.IsTupleType == true:
                // A named element (a submodel's Logits) is the tuple field it stands for: Item1, Item2, ...
                return TupleItem(tuple, (element.CorrespondingTupleField ?? element).Name, syntax);
            case IPropertyReferenceOperation { Property.Name: var tupleItem, Instance: { } reference } when tupleItem.StartsWith("Item", System.StringComparison.Ordinal)
                && reference.Type?.OriginalDefinition.ToDisplayString().StartsWith("System.Tuple<", System.StringComparison.Ordinal) == true:
                return TupleItem(reference, tupleItem, syntax);
            case ITupleOperation tupleOperation:
                return List(tupleOperation.Elements, syntax);
            case IParameterReferenceOperation parameter:
                return Leaf(ForwardNodeKind.Variable, parameter.Parameter.Name, syntax);
            case ILocalReferenceOperation local:
                return Leaf(ForwardNodeKind.Variable, local.Local.Name, syntax);
            case ILiteralOperation or IFieldReferenceOperation { Field.IsConst: true } when IsNumeric(operation.Type):
                return Leaf(ForwardNodeKind.Scalar, "", syntax);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IBinaryOperation binary when BinaryName(binary.OperatorKind) is { } name:
                return Binary(name, binary.LeftOperand, binary.RightOperand, syntax);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary when IsTensor(unary.Operand.Type):
                return Operation("neg", syntax, new[] { Node(unary.Operand) }, Enumerable.Empty<HyperParameter>());
            case IArrayElementReferenceOperation { ArrayReference: IPropertyReferenceOperation { Property.Name: "shape" } shape } element
                when IsTensor(shape.Instance?.Type) && element.Indices.Length == 1:
                return SizeOf(shape.Instance!, element.Indices[0], syntax);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return List(initializer.ElementValues, syntax);
            case ICollectionExpressionOperation collection:
                return List(collection.Elements, syntax);
            case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } hyper when _members.Hyperparameters.TryGetValue(hyper.Property.Name, out bool integer):
                return integer ? Leaf(ForwardNodeKind.Hyperparameter, hyper.Property.Name, syntax) : Leaf(ForwardNodeKind.Scalar, "", syntax);
            case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } state when _members.Tensors.Contains(state.Property.Name):
                return Leaf(ForwardNodeKind.State, state.Property.Name, syntax);
            case IPropertyReferenceOperation property when _layers.Contains(property.Property.Name) && property.Instance is IInstanceReferenceOperation:
                return Unsupported(syntax, "the layer '" + property.Property.Name + "' used as a value", "call it: " + property.Property.Name + ".forward(x)");
            case IPropertyReferenceOperation or IFieldReferenceOperation:
                return Unsupported(syntax, "'" + syntax + "'", "read tensors from parameters and locals; a field or property hides its shape from the checker");
            case IConditionalOperation:
                return Unsupported(syntax, "a conditional expression", "both branches must be checked; write the wiring without '?:'");
            default:
                return Unsupported(syntax, "'" + syntax + "'", "it is not a layer call, a torch operation or a size expression");
        }
    }

    private ForwardNode Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var syntax = invocation.Syntax;

        // A declared layer applied to its inputs: Conv1.forward(x), Conv1.call(x), Lstm.call(x, null), Attention.call(q, k, v, null, true, null).
        if (invocation.Instance is IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } property
            && _layers.Contains(property.Property.Name)
            && method.Name is "forward" or "call")
        {
            var inputs = new List<ForwardNode>();
            var flags = new List<HyperParameter>();
            foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
            {
                var value = Unconverted(argument.Value);
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean && value.ConstantValue is { HasValue: true } flag)
                {
                    flags.Add(new HyperParameter(argument.Parameter.Name, ModelParser.FromObject(flag.Value)));
                }
                else
                {
                    inputs.Add(argument.ArgumentKind == ArgumentKind.DefaultValue ? Leaf(ForwardNodeKind.Null, "", argument.Syntax) : Node(argument.Value));
                }
            }
            return new ForwardNode(ForwardNodeKind.LayerCall, property.Property.Name, inputs.ToEquatableArray(),
                flags.ToEquatableArray(), Span(syntax), syntax.ToString());
        }

        if (IsTensor(method.ContainingType) && method.Name == "size" && invocation.Instance is { } sized && invocation.Arguments.Length == 1)
        {
            return SizeOf(sized, invocation.Arguments[0].Value, syntax);
        }

        string container = method.ContainingType?.ToDisplayString() ?? "";
        bool torchFunction = container is KnownNames.Tensor or KnownNames.Torch or KnownNames.Functional;
        if (!torchFunction || !TorchOperations.IsSupported(method.Name))
        {
            string what = SymbolEqualityComparer.Default.Equals(method.ContainingType, _model)
                ? "a call to the helper method '" + method.Name + "'"
                : torchFunction ? "'" + container + "." + method.Name + "'" : "a call to '" + method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'";
            string advice = SymbolEqualityComparer.Default.Equals(method.ContainingType, _model)
                ? "write its code inline in the [Forward] method, or make it a layer"
                : torchFunction ? "the shape checker supports " + TorchOperations.SupportedList : "only declared layers and torch operations can be shape-checked";
            return Unsupported(syntax, what, advice);
        }

        var operands = new List<ForwardNode>();
        var constants = new List<HyperParameter>();
        if (invocation.Instance is { } instance)
        {
            operands.Add(Node(instance));
        }
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }
            var value = argument.Value;
            string name = argument.Parameter.Name;
            var type = argument.Parameter.Type;
            if (IsTensor(type) || IsTensorCollection(type) || (argument.Parameter.IsParams && type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Int64 } && TorchOperations.TakesShape(method.Name)))
            {
                operands.Add(Node(value));
            }
            else if (Unconverted(value).ConstantValue is { HasValue: true } constant)
            {
                constants.Add(new HyperParameter(name, ModelParser.FromObject(constant.Value)));
            }
            else if (ConstantArray(value) is { } array)
            {
                constants.Add(new HyperParameter(name, HyperValue.IntegerArray(array)));
            }
            else if (IsReal(type))
            {
                // A run-time scalar operand (x * scale) does not change the shape.
                operands.Add(Leaf(ForwardNodeKind.Scalar, "", value.Syntax));
            }
            else
            {
                return Unsupported(value.Syntax, "the argument '" + name + "' = '" + value.Syntax + "'",
                    "shape-relevant arguments of torch operations must be compile-time constants");
            }
        }
        return Operation(TorchOperations.Canonical(method.Name), syntax, operands, constants);
    }

    /// <summary>The operand under implicit conversions (to <c>long?</c>, to <c>Scalar</c>), where the constant is.</summary>
    private static IOperation Unconverted(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }
        return value;
    }

    private static long[]? ConstantArray(IOperation value)
    {
        IEnumerable<IOperation>? elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            IConversionOperation { Operand: IArrayCreationOperation { Initializer: { } inner } } => inner.ElementValues,
            IConversionOperation { Operand: ICollectionExpressionOperation innerCollection } => innerCollection.Elements,
            _ => null,
        };
        if (elements is null)
        {
            return null;
        }
        var result = new List<long>();
        foreach (var element in elements)
        {
            if (element.ConstantValue is not { HasValue: true, Value: { } constant } || ModelParser.FromObject(constant) is not { Kind: HyperValueKind.Integer } integer)
            {
                return null;
            }
            result.Add(integer.Integers[0]);
        }
        return result.ToArray();
    }

    private ForwardNode Binary(string name, IOperation left, IOperation right, SyntaxNode syntax)
    {
        if (IsTensor(left.Type) || IsTensor(right.Type))
        {
            return Operation(name, syntax, new[] { Node(left), Node(right) }, Enumerable.Empty<HyperParameter>());
        }
        if (IsIntegral(left.Type) && IsIntegral(right.Type))
        {
            string symbol = name switch { "add" => "+", "sub" => "-", "mul" => "*", _ => "/" };
            return new ForwardNode(ForwardNodeKind.SizeArithmetic, symbol, new EquatableArray<ForwardNode>(new[] { Node(left), Node(right) }),
                EquatableArray<HyperParameter>.Empty, Span(syntax), syntax.ToString());
        }
        if (IsNumeric(left.Type) && IsNumeric(right.Type))
        {
            return Leaf(ForwardNodeKind.Scalar, "", syntax);
        }
        return Unsupported(syntax, "'" + syntax + "'", "arithmetic is supported on tensors and on integer sizes");
    }

    private ForwardNode SizeOf(IOperation tensor, IOperation index, SyntaxNode syntax)
    {
        if (index.ConstantValue is not { HasValue: true, Value: { } value } || ModelParser.FromObject(value) is not { Kind: HyperValueKind.Integer } integer)
        {
            return Unsupported(syntax, "'" + syntax + "'", "the dimension index must be a constant");
        }
        return new ForwardNode(ForwardNodeKind.SizeOf, "", new EquatableArray<ForwardNode>(new[] { Node(tensor) }),
            new EquatableArray<HyperParameter>(new[] { new HyperParameter("dim", integer) }), Span(syntax), syntax.ToString());
    }

    private ForwardNode TupleItem(IOperation tuple, string item, SyntaxNode syntax) =>
        item.StartsWith("Item", System.StringComparison.Ordinal) && int.TryParse(item.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int position) && position >= 1
            ? new ForwardNode(ForwardNodeKind.TupleItem, "", new EquatableArray<ForwardNode>(new[] { Node(tuple) }),
                new EquatableArray<HyperParameter>(new[] { new HyperParameter("index", HyperValue.Integer(position - 1)) }), Span(syntax), syntax.ToString())
            : Unsupported(syntax, "'" + syntax + "'", "read a tuple's items as Item1, Item2, ... or deconstruct it");

    private ForwardNode List(IEnumerable<IOperation> elements, SyntaxNode syntax) =>
        new(ForwardNodeKind.List, "", elements.Select(Node).ToEquatableArray(), EquatableArray<HyperParameter>.Empty, Span(syntax), syntax.ToString());

    private ForwardNode Operation(string name, SyntaxNode syntax, IEnumerable<ForwardNode> operands, IEnumerable<HyperParameter> arguments) =>
        new(ForwardNodeKind.Operation, name, operands.ToEquatableArray(), arguments.ToEquatableArray(), Span(syntax), syntax.ToString());

    private ForwardNode Leaf(ForwardNodeKind kind, string name, SyntaxNode syntax, params HyperParameter[] arguments) =>
        new(kind, name, EquatableArray<ForwardNode>.Empty, arguments.ToEquatableArray(), Span(syntax), syntax.ToString());

    private ForwardNode Unsupported(SyntaxNode syntax, string what, string advice) =>
        new(ForwardNodeKind.Unsupported, what, EquatableArray<ForwardNode>.Empty,
            new EquatableArray<HyperParameter>(new[] { new HyperParameter("advice", HyperValue.String(advice)) }), Span(syntax), syntax.ToString());

    private SourceSpan Span(SyntaxNode syntax) => new(syntax.SpanStart - _method.SpanStart, syntax.Span.Length);

    private static string? BinaryName(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "add",
        BinaryOperatorKind.Subtract => "sub",
        BinaryOperatorKind.Multiply => "mul",
        BinaryOperatorKind.Divide => "div",
        _ => null,
    };

    private static string Describe(StatementSyntax syntax) => syntax switch
    {
        IfStatementSyntax => "an 'if' statement",
        ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax => "a loop",
        SwitchStatementSyntax => "a 'switch' statement",
        TryStatementSyntax => "a 'try' statement",
        UsingStatementSyntax => "a 'using' block",
        LocalFunctionStatementSyntax => "a local function",
        ThrowStatementSyntax => "a 'throw' statement",
        ExpressionStatementSyntax expression => "the statement '" + expression.Expression + "'",
        _ => "the statement '" + syntax.ToString().Split('\n')[0].Trim() + "'",
    };

    private static bool IsTensor(ITypeSymbol? type) => type?.ToDisplayString() == KnownNames.Tensor;

    private static bool IsTensorCollection(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsTensor(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Length == 1 && IsTensor(named.TypeArguments[0]),
        _ => false,
    };

    private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32;

    private static bool IsReal(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single
        || type?.ToDisplayString() == "TorchSharp.Scalar";

    private static bool IsNumeric(ITypeSymbol? type) => IsIntegral(type) || IsReal(type);
}
