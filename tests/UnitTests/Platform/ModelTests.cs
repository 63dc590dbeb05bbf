using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Preau.Platform.Data;

namespace Preau.UnitTests.Platform;

/// <summary>STYLE.md: no module has pending model changes, for each provider; table names are unique across modules.</summary>
public sealed class ModelTests
{
    public static TheoryData<Type> DesignTimeFactories() => new(FactoryTypes());

    private static IEnumerable<Type> FactoryTypes() =>
        PreauAssemblies.All.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void Model_EachModuleAndProvider_HasNoPendingChanges(Type factoryType)
    {
        using var context = CreateContext(factoryType);

        Assert.False(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name} has model changes without a migration: run scripts/migrations.sh.");
    }

    [Fact]
    public void Tables_AcrossAllModules_HaveUniqueNames()
    {
        var sqliteFactories = FactoryTypes().Where(t => t.Name.Contains("Sqlite", StringComparison.Ordinal));
        var tables = sqliteFactories.SelectMany(f =>
        {
            using var context = CreateContext(f);
            return context.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().ToList();
        }).ToList();

        var duplicates = tables.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(tables.Count > 10);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Factories_CoverBothProvidersOfEveryModule()
    {
        var names = FactoryTypes().Select(t => t.Name).ToList();
        var modules = names.Select(n => n.Replace("SqliteDesignTimeFactory", string.Empty, StringComparison.Ordinal).Replace("PostgresDesignTimeFactory", string.Empty, StringComparison.Ordinal)).Distinct().ToList();

        Assert.Contains("Identity", modules);
        foreach (var module in modules)
        {
            Assert.Contains(module + "SqliteDesignTimeFactory", names);
            Assert.Contains(module + "PostgresDesignTimeFactory", names);
        }
    }

    private static DbContext CreateContext(Type factoryType)
    {
        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        var create = factoryType.GetMethod("CreateDbContext", BindingFlags.Public | BindingFlags.Instance)!;
        return (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;
    }
}

/// <summary>Préau's own assemblies, loaded from the test's references.</summary>
internal static class PreauAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } = Load();

    public static IReadOnlyList<Assembly> Modules => All.Where(a => a.GetName().Name is not ("Preau.Platform" or "Preau.Web")).ToList();

    private static List<Assembly> Load() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Preau.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not ("Preau.UnitTests" or "Preau.IntegrationTests" or "Preau.BrowserTests"))
            .Select(n => Assembly.Load(n!))
            .ToList();
}
