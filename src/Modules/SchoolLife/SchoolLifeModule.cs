using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Preau.SchoolLife.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Localization;

namespace Preau.SchoolLife;

/// <summary>The School life module's public surface.</summary>
public static class SchoolLifeModule
{
    /// <summary>Registers the module.</summary>
    public static WebApplicationBuilder AddSchoolLifeModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<SchoolLifeDbContext, SchoolLifeSqliteDbContext, SchoolLifePostgresDbContext>(builder.Configuration, SchoolLifeDbContext.Module);
        services.AddTranslations(typeof(SchoolLifeModule).Assembly);
        services.AddPermissions(SchoolLifePermissions.All);
        return builder;
    }
}
