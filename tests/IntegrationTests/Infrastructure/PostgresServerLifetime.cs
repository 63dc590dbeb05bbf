using Preau.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServerLifetime))]

namespace Preau.Tests.Infrastructure;

/// <summary>
/// Stops the shared PostgreSQL server once every test has run. Not in a process-exit handler: the test
/// runner gives the process 10 seconds after the run to exit, and stopping the server and deleting its
/// databases can take longer on a loaded machine (the runner then exits with code 1 although every test passed).
/// </summary>
public sealed class PostgresServerLifetime : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => PostgresServer.StopShared();
}
