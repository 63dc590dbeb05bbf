using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Preau.Identity.SingleSignOn;

/// <summary>What an administrator enters to open a service to the territory's accounts.</summary>
internal sealed record ConnectedServiceRequest(string Name, string? Description, IReadOnlyList<Uri> RedirectUris, IReadOnlyList<Uri> PostLogoutRedirectUris, bool Confidential, bool MayUseApi);

/// <summary>Registers, changes and removes the territory's connected services (OpenID Connect clients).</summary>
internal sealed class ManageConnectedServices(IdentityDbContext db, IOpenIddictApplicationManager applications, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Creates the client; returns the service and, for a confidential client, its secret (shown once, stored hashed).</summary>
    public async Task<(ConnectedService Service, string? Secret)> RegisterAsync(ConnectedServiceRequest request, Guid actorId, CancellationToken cancellationToken)
    {
        var clientId = "preau-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = request.Confidential ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') : null;
        var descriptor = Describe(request, clientId);
        descriptor.ClientSecret = secret;
        descriptor.ClientType = request.Confidential ? ClientTypes.Confidential : ClientTypes.Public;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await applications.CreateAsync(descriptor, cancellationToken);
        var service = new ConnectedService
        {
            ApplicationId = Guid.Parse((await applications.GetIdAsync(application, cancellationToken))!),
            ClientId = clientId,
            Name = request.Name,
            Description = request.Description,
            MayUseApi = request.MayUseApi,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actorId,
        };
        db.ConnectedServices.Add(service);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, service.Id, $"Service connecté ajouté : {request.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (service, secret);
    }

    public async Task UpdateAsync(ConnectedService service, ConnectedServiceRequest request, Guid actorId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByIdAsync(service.ApplicationId.ToString(), cancellationToken)
            ?? throw new InvalidOperationException("The connected service has no OpenIddict application.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var updated = Describe(request, service.ClientId);
        descriptor.DisplayName = updated.DisplayName;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(updated.RedirectUris);
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.UnionWith(updated.PostLogoutRedirectUris);
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith(updated.Permissions);
        await applications.PopulateAsync(application, descriptor, cancellationToken);
        await applications.UpdateAsync(application, cancellationToken);
        service.Name = request.Name;
        service.Description = request.Description;
        service.MayUseApi = request.MayUseApi;
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, service.Id, $"Service connecté modifié : {request.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(ConnectedService service, Guid actorId, CancellationToken cancellationToken)
    {
        if (await applications.FindByIdAsync(service.ApplicationId.ToString(), cancellationToken) is { } application)
        {
            // Deleting the application deletes its authorizations and tokens: nobody signs in with it any more.
            await applications.DeleteAsync(application, cancellationToken);
        }

        db.ConnectedServices.Remove(service);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, service.Id, $"Service connecté retiré : {service.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<ConnectedService>> ListAsync(CancellationToken cancellationToken) =>
        db.ConnectedServices.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    public Task<ConnectedService?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ConnectedServices.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<string>> RedirectUrisAsync(ConnectedService service, CancellationToken cancellationToken) =>
        await applications.FindByIdAsync(service.ApplicationId.ToString(), cancellationToken) is { } application
            ? (await applications.GetRedirectUrisAsync(application, cancellationToken)).ToList()
            : [];

    public async Task<IReadOnlyList<string>> PostLogoutRedirectUrisAsync(ConnectedService service, CancellationToken cancellationToken) =>
        await applications.FindByIdAsync(service.ApplicationId.ToString(), cancellationToken) is { } application
            ? (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).ToList()
            : [];

    /// <summary>The permissions of every connected service: the authorization code flow with PKCE, refresh, sign-out.</summary>
    private static OpenIddictApplicationDescriptor Describe(ConnectedServiceRequest request, string clientId)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = request.Name,
            ConsentType = ConsentTypes.Implicit,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + SingleSignOnServer.ProfilesScope,
                Permissions.Prefixes.Scope + SingleSignOnServer.SchoolsScope,
            },
        };
        if (request.MayUseApi)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + SingleSignOnServer.ApiScope);
        }

        descriptor.RedirectUris.UnionWith(request.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(request.PostLogoutRedirectUris);
        return descriptor;
    }
}
