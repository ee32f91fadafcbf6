using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReviewMechanism.Grpc.Generator;

/// <summary>
/// One file descriptor as Grpc.Tools embedded it: the generated <c>XxxReflection</c> class, its C#
/// namespace and the base64 text of the serialized FileDescriptorProto.
/// </summary>
internal sealed record DescriptorSource(string CSharpNamespace, string ReflectionClass, string Base64)
{
    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax c && c.Identifier.Text.EndsWith("Reflection", StringComparison.Ordinal)
        && c.Modifiers.Any(SyntaxKind.StaticKeyword);

    public static DescriptorSource? From(ClassDeclarationSyntax declaration)
    {
        var call = declaration.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.Text == "FromBase64String");
        if (call is null)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var literal in call.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                text.Append(literal.Token.ValueText);
            }
        }
        return new DescriptorSource(NamespaceOf(declaration), declaration.Identifier.Text, text.ToString());
    }

    private static string NamespaceOf(SyntaxNode node)
    {
        var parts = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse();
        return string.Join(".", parts);
    }
}
