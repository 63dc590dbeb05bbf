using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Preau.UnitTests.Platform;

namespace Preau.UnitTests.Architecture;

/// <summary>
/// DESIGN.md, Modules: a module uses another module only through its Contracts namespace; Platform
/// knows no module; nothing references the Web host. Checked on the compiled IL's type references.
/// </summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Assemblies()
    {
        var data = new TheoryData<string>();
        foreach (var assembly in PreauAssemblies.All)
        {
            data.Add(assembly.GetName().Name!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void TypeReferences_ToOtherModules_UseOnlyTheirPublicSurface(string assemblyName)
    {
        var violations = new List<string>();
        foreach (var (targetAssembly, ns, name) in ReferencedTypes(assemblyName))
        {
            if (targetAssembly == "Preau.Web")
            {
                violations.Add($"{ns}.{name}: nothing may reference the Web host");
                continue;
            }

            if (targetAssembly == "Preau.Platform")
            {
                continue;
            }

            if (assemblyName == "Preau.Platform")
            {
                violations.Add($"{ns}.{name}: Platform must not know any module");
                continue;
            }

            var module = targetAssembly["Preau.".Length..];
            var isContract = ns == $"Preau.{module}.Contracts" || ns.StartsWith($"Preau.{module}.Contracts.", StringComparison.Ordinal);
            // The host composes modules: it may call their registration class.
            var isRegistration = assemblyName == "Preau.Web" && ns == $"Preau.{module}" && name == $"{module}Module";
            if (!isContract && !isRegistration)
            {
                violations.Add($"{ns}.{name} (from {targetAssembly})");
            }
        }

        Assert.True(violations.Count == 0, $"{assemblyName} reaches into other modules: " + string.Join(", ", violations.Distinct()));
    }

    [Fact]
    public void Assemblies_IncludeThePlatformTheHostAndTheModules()
    {
        var names = PreauAssemblies.All.Select(a => a.GetName().Name).ToList();

        Assert.Contains("Preau.Platform", names);
        Assert.Contains("Preau.Web", names);
        Assert.Contains("Preau.Identity", names);
    }

    private static List<(string Assembly, string Namespace, string Name)> ReferencedTypes(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new List<(string, string, string)>();
        foreach (var handle in reader.TypeReferences)
        {
            var reference = reader.GetTypeReference(handle);
            var scope = reference.ResolutionScope;
            // Nested types resolve through their declaring type; walk up to the top-level reference.
            var top = reference;
            while (scope.Kind == HandleKind.TypeReference)
            {
                top = reader.GetTypeReference((TypeReferenceHandle)scope);
                scope = top.ResolutionScope;
            }

            if (scope.Kind != HandleKind.AssemblyReference)
            {
                continue;
            }

            var target = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            if (target.StartsWith("Preau.", StringComparison.Ordinal) && target != assemblyName)
            {
                result.Add((target, reader.GetString(top.Namespace), reader.GetString(top.Name)));
            }
        }

        return result;
    }
}
