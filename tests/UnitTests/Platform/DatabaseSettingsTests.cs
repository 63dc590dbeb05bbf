using Npgsql;
using Preau.Platform.Data;

namespace Preau.UnitTests.Platform;

/// <summary>Decision 0011: PostgreSQL statements prepared automatically, unless the operator decided otherwise.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void PostgresDefaults_WithoutASetting_PrepareRepeatedStatements()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=localhost;Database=preau;Username=preau"));

        Assert.Equal(128, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.Equal("preau", builder.Database);
    }

    [Theory]
    [InlineData("Host=localhost;Max Auto Prepare=0", 0)]
    [InlineData("Host=localhost;max auto prepare=20", 20)]
    [InlineData("Host=localhost;MaxAutoPrepare=0", 0)]
    public void PostgresDefaults_OperatorsValue_Kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults(connectionString)).MaxAutoPrepare);
}
