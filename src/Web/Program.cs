using Preau.Communication;
using Preau.FamilyServices;
using Preau.Identity;
using Preau.Platform;
using Preau.SchoolLife;
using Preau.Web;

// Préau: one process holds every module (DESIGN.md, Shape). This file reads as the table of contents.
var builder = WebApplication.CreateBuilder(args);

builder.AddPreauPlatform();
builder.AddIdentityModule();
builder.AddCommunicationModule();
builder.AddSchoolLifeModule();
builder.AddFamilyServicesModule();
builder.AddWebHost();
builder.AddTelemetry();

var app = builder.Build();

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

app.UseWebHost();
app.MapWebHost();
app.MapIdentityApi();
app.MapCommunicationApi();
app.MapSchoolLifeApi();
app.MapFamilyServicesApi();

await Startup.PrepareAsync(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
