using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Preau.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: initdb + pg_ctl in a temporary folder on a free
/// loopback port (DESIGN.md, Tests). PostgreSQL refuses to run as root, so as root the commands run
/// as the "postgres" system user. Started on first use, stopped after the last test (PostgresServerLifetime).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string _binaries;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binaries, string dataDirectory, int port, bool asPostgresUser)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The server of this test run, started on first call.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                // Stopped by PostgresServerLifetime when the last test has run.
                _shared = await StartAsync(durable: false);
            }

            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "preau_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>
    /// The connection string of a database of this server, through its Unix socket: how a same-host
    /// PostgreSQL is best reached (docs/decisions/0014; TCP on loopback costs the web process a third of
    /// its throughput on the busy pages).
    /// </summary>
    public string ConnectionString(string database) =>
        $"Host={_dataDirectory};Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Include Error Detail=true";

    /// <summary>
    /// Starts a server of one's own (the benchmark program's). A durable server keeps PostgreSQL's default
    /// fsync and synchronous commit, as in production; the test suite's does not need them.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable)
    {
        var binaries = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "preau-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        if (asPostgresUser)
        {
            Run("chown", $"postgres:postgres {dataDirectory}", asUser: false);
        }

        var port = FreePort();
        var server = new PostgresServer(binaries, dataDirectory, port, asPostgresUser);
        server.Pg("initdb", $"-D {dataDirectory}/data -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        // Durability is not what the tests check: fsync off makes the suite fast. The benchmark keeps it.
        var durability = durable ? "-c shared_buffers=512MB" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        server.Pg("pg_ctl", $"-D {dataDirectory}/data -l {dataDirectory}/server.log -w -t 60 start -o \"-p {port} -k {dataDirectory} -c listen_addresses=127.0.0.1 {durability} -c max_connections=300\"");
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        return server;
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var binaries = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
            : null;
        return binaries ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/<version>/bin. Install them with: sudo apt-get install -y postgresql (./test.sh does it for you).");
    }

    private void Pg(string tool, string arguments) => Run(Path.Combine(_binaries, tool), arguments, _asPostgresUser);

    private static void Run(string program, string arguments, bool asUser)
    {
        var start = asUser
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({(process.HasExited ? process.ExitCode : -1)}): {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the test run's server, if one was started.</summary>
    public static void StopShared() => _shared?.Stop();

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Stop()
    {
        try
        {
            Pg("pg_ctl", $"-D {_dataDirectory}/data -m immediate -w stop");
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception)
        {
            // The process is ending; a leftover temporary folder is harmless.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
