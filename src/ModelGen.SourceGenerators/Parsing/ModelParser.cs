using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Layers;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Parsing;

/// <summary>
/// Reads a <c>[Model]</c> class into a <see cref="ModelSpec"/>. Used by the generator and by the
/// analyzer alike, so both see the same model. Never throws on bad or half-typed code: what it
/// cannot read becomes an issue, or (where the compiler already reports an error) is left out.
/// </summary>
internal static class ModelParser
{
    public static ModelSpec Parse(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var issues = new List<ModelIssue>();
        bool canGenerate = CheckDeclaration(type, issues, out bool userConstructor, out bool userBaseClass, cancellationToken);

        var hyperparameters = ParseHyperparameters(type, issues, cancellationToken);
        var inputs = ParseInputs(type, issues);
        var layers = ParseLayers(type, issues, cancellationToken);
        var tensors = ParseTensors(type, issues, cancellationToken);
        NameCollisions.Report(type, hyperparameters, inputs, layers, tensors, issues);
        var forward = ParseForward(type, semanticModel, inputs, layers, hyperparameters, tensors, issues, cancellationToken);

        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, DeclarationKeyword(outer) + " " + outer.Name);
        }

        return new ModelSpec(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            containing.ToEquatableArray(),
            hyperparameters.ToEquatableArray(),
            inputs.ToEquatableArray(),
            layers.ToEquatableArray(),
            tensors.ToEquatableArray(),
            forward,
            canGenerate,
            userConstructor,
            userBaseClass,
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.GanAttribute),
            issues.ToEquatableArray());
    }

    /// <summary>Reports declaration problems; returns false when nothing at all can be generated for the class.</summary>
    private static bool CheckDeclaration(INamedTypeSymbol type, List<ModelIssue> issues, out bool userConstructor, out bool userBaseClass, CancellationToken cancellationToken)
    {
        bool ok = true;
        userConstructor = false;
        userBaseClass = false;
        void Fail(string reason, bool fatal = true)
        {
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name, reason));
            ok &= !fatal;
        }

        // The analyzer sees the generated half too (its base list, its constructor); only the user's declarations count.
        var declarations = type.DeclaringSyntaxReferences.Where(r => !IsGenerated(r.SyntaxTree)).Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            Fail("must be a non-static class");
        }
        else if (declarations.Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            Fail("must be declared partial, so the generator can add its constructor and forward pass");
        }
        if (type.IsGenericType)
        {
            Fail("must not be generic");
        }
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var outerDeclarations = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>();
            if (outer.IsGenericType || outerDeclarations.Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                Fail($"is nested in '{outer.Name}', which must be a non-generic partial type");
                break;
            }
        }
        // A base list written by the user (anything but interfaces) would clash with the generated Module base.
        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && declarations.Any(d => d.BaseList?.Types.Any(t => !IsInterface(t, type)) == true))
        {
            Fail($"must not declare a base class (it derives from '{baseType.Name}'); the generator makes it a TorchSharp Module", fatal: false);
            userBaseClass = true;
        }
        if (declarations.Any(d => d.ParameterList is not null))
        {
            Fail("has a primary constructor: model parameters are not supported by this version of ModelGen; use constant hyperparameters", fatal: false);
            userConstructor = true;
        }
        else if (type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.DeclaringSyntaxReferences.Any(r => !IsGenerated(r.SyntaxTree))))
        {
            Fail("declares a constructor; the generator writes the constructor that builds the layers", fatal: false);
            userConstructor = true;
        }
        if (!type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.InputAttribute))
        {
            Fail("declares no [Input]; add one such as [Input(\"x\", \"N, 1, 28, 28\")]", fatal: false);
        }
        return ok;

        bool IsInterface(BaseTypeSyntax syntax, INamedTypeSymbol owner) =>
            owner.Interfaces.Any(i => i.Name == LastIdentifier(syntax.Type));
    }

    /// <summary>Whether a tree is generated code (ours, or any generator's), judged as Roslyn does: by name or header.</summary>
    public static bool IsGenerated(SyntaxTree tree)
    {
        string path = tree.FilePath;
        if (path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var first = tree.GetRoot().GetLeadingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        return first.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static string LastIdentifier(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static string DeclarationKeyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "partial record struct",
        { IsRecord: true } => "partial record",
        { TypeKind: TypeKind.Struct } => "partial struct",
        { TypeKind: TypeKind.Interface } => "partial interface",
        _ => "partial class",
    };

    private static List<InputSpec> ParseInputs(INamedTypeSymbol type, List<ModelIssue> issues)
    {
        var inputs = new List<InputSpec>();
        int index = 0;
        foreach (var attribute in InputAttributes(type))
        {
            int position = index++;
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string name
                || attribute.ConstructorArguments[1].Value is not string shape)
            {
                // A null name or shape compiles: it is reported here. Anything else malformed the compiler reports itself.
                if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments.All(a => a.Kind == TypedConstantKind.Primitive))
                {
                    issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, new IssueTarget(IssueTargetKind.Input, position, null, SourceSpan.None),
                        type.Name, "has an [Input] whose name or shape is null"));
                }
                // Keep the index aligned with the source.
                inputs.Add(new InputSpec("", ""));
                continue;
            }
            if (!Emitting.Code.IsParameterName(name))
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, new IssueTarget(IssueTargetKind.Input, position, null, SourceSpan.None),
                    type.Name, $"has an input named '{name}', which is not a valid C# parameter name"));
            }
            else if (inputs.Any(i => i.Name == name))
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, new IssueTarget(IssueTargetKind.Input, position, null, SourceSpan.None),
                    type.Name, $"declares the input '{name}' twice"));
            }
            var dtype = attribute.NamedArguments.FirstOrDefault(a => a.Key == "DType").Value;
            inputs.Add(new InputSpec(name, shape, dtype.Kind == TypedConstantKind.Enum ? ReadConstant(dtype).Text : "Float32"));
        }
        return inputs;
    }

    private static List<LayerSpec> ParseLayers(INamedTypeSymbol type, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        var layers = new List<LayerSpec>();
        foreach (var (property, attribute) in LayerProperties(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            int index = layers.Count;
            string kind = attribute.AttributeClass!.Name.EndsWith("Attribute", StringComparison.Ordinal)
                ? attribute.AttributeClass.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length)
                : attribute.AttributeClass.Name;
            var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
            string modifiers = syntax is null ? "public partial" : string.Join(" ", syntax.Modifiers.Select(m => m.Text));
            layers.Add(new LayerSpec(property.Name, modifiers, property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), kind, ReadArguments(attribute), MetadataName(property.Type),
                property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.FrozenAttribute)));
            if (kind == "Submodel")
            {
                CheckSubmodelProperty(property, syntax, index, issues);
            }
            else
            {
                CheckLayerProperty(type, property, syntax, kind, index, issues);
            }
        }
        return layers;
    }

    private static void CheckLayerProperty(INamedTypeSymbol type, IPropertySymbol property, PropertyDeclarationSyntax? syntax, string kind, int index, List<ModelIssue> issues)
    {
        void Fail(IssueTargetKind where, string reason) =>
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidLayerDeclarationId, new IssueTarget(where, index, null, SourceSpan.None), property.Name, reason));

        var definition = LayerCatalog.Find(kind);
        if (definition is null)
        {
            Fail(IssueTargetKind.Layer, $"uses [{kind}], a layer attribute this version of ModelGen does not know");
            return;
        }
        if (property.IsStatic)
        {
            Fail(IssueTargetKind.Layer, "must be an instance property");
        }
        else if (syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Fail(IssueTargetKind.Layer, $"must be declared partial ('public partial {definition.ModuleType} {property.Name} {{ get; }}') so the generator can implement it");
        }
        else if (property.SetMethod is not null || property.GetMethod is null)
        {
            Fail(IssueTargetKind.Layer, "must be get-only: the generated constructor builds it");
        }
        else if (syntax.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true || syntax.ExpressionBody is not null)
        {
            Fail(IssueTargetKind.Layer, "must be a declaration without a body ('{ get; }'); the generator implements it");
        }
        if (property.Type.TypeKind != TypeKind.Error && property.Type.ToDisplayString() != definition.QualifiedType)
        {
            Fail(IssueTargetKind.LayerType, $"has type '{property.Type.ToDisplayString()}' but [{kind}] builds a '{definition.QualifiedType}'");
        }
        _ = type;
    }

    /// <summary>A type's metadata name as <see cref="Compilation.GetTypeByMetadataName"/> takes it.</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        string name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>The <c>[Input]</c> attributes in source order; their index is the input's index.</summary>
    public static IEnumerable<AttributeData> InputAttributes(INamedTypeSymbol type) =>
        type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.InputAttribute);

    /// <summary>The layer properties in declaration order; their index is the layer's index.</summary>
    public static IEnumerable<(IPropertySymbol Property, AttributeData Attribute)> LayerProperties(INamedTypeSymbol type)
    {
        foreach (var property in OrderedProperties(type))
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => DerivesFromLayerAttribute(a.AttributeClass));
            if (attribute?.AttributeClass is not null)
            {
                yield return (property, attribute);
            }
        }
    }

    /// <summary>The first method marked <c>[Forward]</c>, if any.</summary>
    public static IMethodSymbol? ForwardMethod(INamedTypeSymbol type) => ForwardMethods(type).FirstOrDefault();

    private static List<IMethodSymbol> ForwardMethods(INamedTypeSymbol type) => type.GetMembers().OfType<IMethodSymbol>()
        .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.ForwardAttribute))
        .ToList();

    /// <summary>A layer whose type is another model: a partial get-only property of a [Model] class.</summary>
    private static void CheckSubmodelProperty(IPropertySymbol property, PropertyDeclarationSyntax? syntax, int index, List<ModelIssue> issues)
    {
        void Fail(IssueTargetKind where, string reason) =>
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidLayerDeclarationId, new IssueTarget(where, index, null, SourceSpan.None), property.Name, reason));

        if (property.Type.TypeKind == TypeKind.Error)
        {
            return;
        }
        if (!property.Type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.ModelAttribute))
        {
            Fail(IssueTargetKind.LayerType, $"has type '{property.Type.ToDisplayString()}', but [Submodel] takes a [Model] class");
        }
        else if (!property.Type.DeclaringSyntaxReferences.Any())
        {
            Fail(IssueTargetKind.LayerType, $"has type '{property.Type.ToDisplayString()}', a [Model] from another assembly; a submodel must be declared in this project so its shapes can be checked");
        }
        else if (property.IsStatic || syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || property.SetMethod is not null)
        {
            Fail(IssueTargetKind.Layer, $"must be a get-only partial instance property ('public partial {property.Type.Name} {property.Name} {{ get; }}')");
        }
    }

    private static List<HyperparameterSpec> ParseHyperparameters(INamedTypeSymbol type, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        var result = new List<HyperparameterSpec>();
        foreach (var property in OrderedProperties(type))
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.HyperparameterAttribute);
            if (attribute is null)
            {
                continue;
            }
            void Fail(string reason) =>
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name, $"has the hyperparameter '{property.Name}', which {reason}"));

            string typeName = property.Type.SpecialType switch
            {
                SpecialType.System_Int32 => "int",
                SpecialType.System_Int64 => "long",
                SpecialType.System_Double => "double",
                SpecialType.System_Single => "float",
                SpecialType.System_Boolean => "bool",
                _ => "",
            };
            var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
            if (typeName.Length == 0)
            {
                Fail($"has type '{property.Type.ToDisplayString()}'; a hyperparameter is an int, long, double, float or bool");
                continue;
            }
            if (property.IsStatic || syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || property.SetMethod is not null)
            {
                Fail($"must be a get-only partial instance property ('public partial {typeName} {property.Name} {{ get; }}')");
                continue;
            }
            string? defaultCode = null;
            long? defaultInteger = null;
            var named = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Default");
            if (named.Key is not null && !named.Value.IsNull)
            {
                var value = ReadConstant(named.Value);
                (defaultCode, defaultInteger) = (typeName, value.Kind) switch
                {
                    ("int" or "long", HyperValueKind.Integer) => (Emitting.Code.Long(value.Integers[0]), value.Integers[0]),
                    ("double" or "float", HyperValueKind.Real or HyperValueKind.Integer) =>
                        (Emitting.Code.Real(value.Kind == HyperValueKind.Real ? value.Real : value.Integers[0], typeName), (long?)null),
                    ("bool", HyperValueKind.Boolean) => (Emitting.Code.Bool(value.Flag), (long?)null),
                    _ => (null, null),
                };
                if (defaultCode is null)
                {
                    Fail($"has a Default that is not a {typeName}");
                    continue;
                }
            }
            if (defaultCode is null && result.FirstOrDefault(h => h.DefaultCode is not null) is { } optional)
            {
                // The constructor takes hyperparameters in declaration order, and an optional parameter cannot precede a required one.
                // Kept in the list, so the minimal part still implements the property.
                Fail($"has no Default but comes after '{optional.Name}', which has one; the constructor takes hyperparameters in declaration order, so declare '{property.Name}' before '{optional.Name}' or give it a Default");
            }
            result.Add(new HyperparameterSpec(property.Name, typeName, defaultCode, defaultInteger, string.Join(" ", syntax.Modifiers.Select(m => m.Text))));
        }
        return result;
    }

    private static List<TensorSpec> ParseTensors(INamedTypeSymbol type, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        var result = new List<TensorSpec>();
        foreach (var property in OrderedProperties(type))
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is KnownNames.ParameterAttribute or KnownNames.BufferAttribute);
            if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string shape)
            {
                continue;
            }
            bool buffer = attribute.AttributeClass!.ToDisplayString() == KnownNames.BufferAttribute;
            string expected = buffer ? KnownNames.Tensor : "TorchSharp.Modules.Parameter";
            var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
            string what = buffer ? "[Buffer]" : "[Parameter]";
            if (property.Type.TypeKind != TypeKind.Error && property.Type.ToDisplayString() != expected)
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name,
                    $"declares {what} '{property.Name}' of type '{property.Type.ToDisplayString()}'; it must be a '{expected}'"));
                continue;
            }
            if (property.IsStatic || syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || property.SetMethod is not null)
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name,
                    $"declares {what} '{property.Name}', which must be a get-only partial instance property"));
                continue;
            }
            var init = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Init").Value;
            string initName = init.Kind == TypedConstantKind.Enum ? ReadConstant(init).Text : "Zeros";
            result.Add(new TensorSpec(property.Name, string.Join(" ", syntax.Modifiers.Select(m => m.Text)), buffer, shape, initName));
        }
        return result;
    }

    private static IEnumerable<IPropertySymbol> OrderedProperties(INamedTypeSymbol type) => type.GetMembers().OfType<IPropertySymbol>()
        .Where(p => p.Locations.Length > 0 && p.Locations[0].IsInSource)
        .OrderBy(p => p.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(p => p.Locations[0].SourceSpan.Start);

    private static bool DerivesFromLayerAttribute(INamedTypeSymbol? attributeClass)
    {
        for (var t = attributeClass?.BaseType; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == KnownNames.LayerAttribute)
            {
                return true;
            }
        }
        return false;
    }

    private static EquatableArray<HyperParameter> ReadArguments(AttributeData attribute)
    {
        var arguments = new List<HyperParameter>();
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (int i = 0; i < attribute.ConstructorArguments.Length && i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var constant = attribute.ConstructorArguments[i];
            if (parameter.IsParams && constant.Kind == TypedConstantKind.Array && attribute.AttributeClass?.Name == "SubmodelAttribute")
            {
                // A submodel's arguments mix integers and hyperparameter names: one entry each, by position.
                for (int j = 0; j < constant.Values.Length; j++)
                {
                    arguments.Add(new HyperParameter("#" + j.ToString(System.Globalization.CultureInfo.InvariantCulture), ReadConstant(constant.Values[j])));
                }
                continue;
            }
            if (parameter.IsParams && constant.Kind == TypedConstantKind.Array)
            {
                arguments.Add(new HyperParameter(Pascal(parameter.Name), ReadArray(constant)));
                continue;
            }
            arguments.Add(new HyperParameter(Pascal(parameter.Name), ReadConstant(constant)));
        }
        foreach (var named in attribute.NamedArguments)
        {
            arguments.Add(new HyperParameter(named.Key, ReadConstant(named.Value)));
        }
        return arguments.ToEquatableArray();
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>Reads an attribute constant; values of a kind no layer accepts become Text so the layer reports them.</summary>
    internal static HyperValue ReadConstant(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return HyperValue.Null;
        }
        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                return ReadArray(constant);
            case TypedConstantKind.Enum:
                var member = constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                return HyperValue.Enum(member?.Name ?? Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
            case TypedConstantKind.Primitive:
                return FromObject(constant.Value);
            default:
                return HyperValue.String(constant.ToCSharpString());
        }
    }

    private static HyperValue ReadArray(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            // `default` or `null` for the array itself: no values, which the layer reports.
            return HyperValue.Null;
        }
        var values = new List<long>();
        foreach (var element in constant.Values)
        {
            var value = element.Kind == TypedConstantKind.Array ? HyperValue.Null : FromObject(element.Value);
            if (value.Kind != HyperValueKind.Integer)
            {
                // Mixed arrays (names and numbers) are reported by the layer as one text value.
                return HyperValue.String(constant.ToCSharpString());
            }
            values.Add(value.Integers[0]);
        }
        return HyperValue.IntegerArray(values.ToArray());
    }

    internal static HyperValue FromObject(object? value) => value switch
    {
        null => HyperValue.Null,
        bool b => HyperValue.Boolean(b),
        int i => HyperValue.Integer(i),
        long l => HyperValue.Integer(l),
        short s => HyperValue.Integer(s),
        byte b => HyperValue.Integer(b),
        sbyte b => HyperValue.Integer(b),
        ushort u => HyperValue.Integer(u),
        uint u => HyperValue.Integer(u),
        ulong u when u <= long.MaxValue => HyperValue.Integer((long)u),
        double d => HyperValue.Number(d),
        float f => HyperValue.Number(f),
        decimal m => HyperValue.Number((double)m),
        string s => HyperValue.String(s),
        char c => HyperValue.String(c.ToString()),
        _ => HyperValue.String(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static ForwardSpec? ParseForward(
        INamedTypeSymbol type, SemanticModel semanticModel, List<InputSpec> inputs, List<LayerSpec> layers,
        List<HyperparameterSpec> hyperparameters, List<TensorSpec> tensors, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        var methods = ForwardMethods(type);
        if (methods.Count == 0)
        {
            return null;
        }
        var method = methods[0];
        void Fail(string reason) =>
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.ForwardSignatureMismatchId, IssueTarget.Forward, method.Name, reason));

        if (methods.Count > 1)
        {
            Fail($"is one of {methods.Count} methods marked [Forward]; a model has one");
        }
        if (method.IsStatic || method.IsGenericMethod)
        {
            Fail("must be a non-generic instance method");
        }
        var outputs = Outputs(method.ReturnType, out string? returnProblem);
        if (returnProblem is not null)
        {
            Fail(returnProblem);
        }
        var parameterNames = method.Parameters.Select(p => p.Name).ToList();
        var inputNames = inputs.Select(i => i.Name).ToList();
        if (!parameterNames.SequenceEqual(inputNames))
        {
            Fail($"takes ({string.Join(", ", parameterNames)}) but the model declares the inputs ({string.Join(", ", inputNames)}); take one Tensor per input, in the same order and with the same names");
        }
        else if (method.Parameters.Any(p => p.Type.ToDisplayString() != KnownNames.Tensor || p.RefKind != RefKind.None))
        {
            Fail("must take its inputs as plain Tensor parameters");
        }

        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null || (syntax.Body is null && syntax.ExpressionBody is null))
        {
            Fail("has no body");
            return new ForwardSpec(method.Name, parameterNames.ToEquatableArray(), EquatableArray<ForwardStatement>.Empty, outputs);
        }
        if (syntax.SyntaxTree != semanticModel.SyntaxTree)
        {
            semanticModel = semanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
        }
        semanticModel = SubmodelStubs.Bind(semanticModel, type, syntax, layers, cancellationToken);
        var members = new ForwardMembers(
            new HashSet<string>(layers.Select(l => l.PropertyName), StringComparer.Ordinal),
            // A duplicate name is the compiler's error (CS0102); the first declaration stands.
            hyperparameters.GroupBy(h => h.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().IsInteger, StringComparer.Ordinal),
            new HashSet<string>(tensors.Select(t => t.PropertyName), StringComparer.Ordinal));
        var statements = new ForwardBodyParser(semanticModel, syntax, members, type, cancellationToken).Parse();
        return new ForwardSpec(method.Name, parameterNames.ToEquatableArray(), statements, outputs);
    }

    /// <summary>A model returns one Tensor, or a tuple of 2 to 7 Tensors (its element names kept, "" where unnamed).</summary>
    public static EquatableArray<string> Outputs(ITypeSymbol returnType, out string? problem)
    {
        problem = null;
        if (returnType.ToDisplayString() == KnownNames.Tensor)
        {
            return EquatableArray<string>.Empty;
        }
        string shown = returnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (returnType is not INamedTypeSymbol { IsTupleType: true } tuple || tuple.TupleElements.Any(e => e.Type.ToDisplayString() != KnownNames.Tensor))
        {
            problem = $"returns '{shown}' but must return a Tensor, or a tuple of Tensors such as (Tensor Logits, Tensor Weights)";
            return EquatableArray<string>.Empty;
        }
        if (tuple.TupleElements.Length > MaxOutputs)
        {
            // Beyond seven elements a ValueTuple nests its rest, which TorchSharp's module types do not expect.
            problem = $"returns a tuple of {tuple.TupleElements.Length} tensors; a model returns at most {MaxOutputs}";
            return EquatableArray<string>.Empty;
        }
        return tuple.TupleElements.Select(e => e.IsExplicitlyNamedTupleElement ? e.Name : "").ToEquatableArray();
    }

    private const int MaxOutputs = 7;
}
