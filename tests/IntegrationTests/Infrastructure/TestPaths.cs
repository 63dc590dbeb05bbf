namespace Preau.Tests.Infrastructure;

/// <summary>Where the repository is, found from the test binaries.</summary>
public static class TestPaths
{
    /// <summary>The folder that holds Preau.slnx.</summary>
    public static string RepositoryRoot { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Preau.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Preau.slnx not found above " + AppContext.BaseDirectory);
    }
}
