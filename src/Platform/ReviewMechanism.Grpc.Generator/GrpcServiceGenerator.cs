using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ReviewMechanism.Grpc.Generator;

/// <summary>
/// Generates gRPC service bases and typed clients from the file descriptors that Grpc.Tools
/// (with <c>GrpcServices="None"</c>) embeds in its <c>XxxReflection</c> classes. The descriptors
/// are protoc's own output, so method names, streaming kinds and message types are exact.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrpcServiceGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor UnresolvedType = new(
        "RMGRPC001", "Unresolved protobuf message type",
        "RPC {0}.{1} uses message type {2}, which is not compiled into this project; compile its .proto here too",
        "ReviewMechanism.Grpc", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sources = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => DescriptorSource.IsCandidate(node),
                static (ctx, _) => DescriptorSource.From((ClassDeclarationSyntax)ctx.Node))
            .Where(static s => s is not null)
            .Collect();
        context.RegisterSourceOutput(sources, static (spc, all) => Generate(spc, all!));
    }

    private static void Generate(SourceProductionContext context, ImmutableArray<DescriptorSource> sources)
    {
        var files = sources
            .Where(s => s.Base64.Length > 0)
            .Select(s => (Source: s, File: ProtoFile.Parse(Convert.FromBase64String(s.Base64))))
            .ToList();
        var types = new TypeMap();
        foreach (var (source, file) in files)
        {
            types.Add(file, source.CSharpNamespace);
        }
        foreach (var (source, file) in files)
        {
            for (var i = 0; i < file.Services.Count; i++)
            {
                var service = file.Services[i];
                var missing = service.Methods
                    .SelectMany(m => new[] { m.InputType, m.OutputType })
                    .FirstOrDefault(t => types.Resolve(t) is null);
                if (missing is not null)
                {
                    var method = service.Methods.First(m => m.InputType == missing || m.OutputType == missing);
                    context.ReportDiagnostic(Diagnostic.Create(UnresolvedType, Location.None, service.Name, method.Name, missing));
                    continue;
                }
                var code = ServiceEmitter.Emit(file, source.CSharpNamespace, source.ReflectionClass, i, types);
                var hint = (source.CSharpNamespace + "." + service.Name).Trim('.') + ".Grpc.g.cs";
                context.AddSource(hint, SourceText.From(code, System.Text.Encoding.UTF8));
            }
        }
    }
}
