using Npgsql;
using Preau.Platform.Data;

namespace Preau.UnitTests.Platform;

/// <summary>Decisions 0011, 0013 and 0018: PostgreSQL statements prepared automatically with generic plans, and connections multiplexed, unless the operator decided otherwise.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void PostgresDefaults_WithoutASetting_PrepareRepeatedStatements()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=localhost;Database=preau;Username=preau"));

        Assert.Equal(128, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.True(builder.Multiplexing);
        Assert.Equal("-c plan_cache_mode=force_generic_plan", builder.Options);
        Assert.Equal("preau", builder.Database);
    }

    [Fact]
    public void PostgresDefaults_OperatorsOptions_Kept() =>
        Assert.Equal("-c search_path=preau", new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=localhost;Options=-c search_path=preau")).Options);

    [Fact]
    public void PostgresDefaults_OperatorTurnedMultiplexingOff_Kept() =>
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=localhost;Multiplexing=false")).Multiplexing);

    [Fact]
    public void PostgresDefaults_ForSynchronousUse_NeverMultiplexed() =>
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=localhost;Multiplexing=true", synchronousUse: true)).Multiplexing);

    [Theory]
    [InlineData("Host=localhost;Max Auto Prepare=0", 0)]
    [InlineData("Host=localhost;max auto prepare=20", 20)]
    [InlineData("Host=localhost;MaxAutoPrepare=0", 0)]
    public void PostgresDefaults_OperatorsValue_Kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults(connectionString)).MaxAutoPrepare);
}
