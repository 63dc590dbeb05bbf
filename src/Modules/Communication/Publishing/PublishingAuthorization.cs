using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.News;
using Preau.Communication.SchoolCouncil;

namespace Preau.Communication.Publishing;

/// <summary>Operations of publishing beyond reading and managing.</summary>
internal static class PublishingOperations
{
    /// <summary>A head approves a teacher's school news.</summary>
    public static readonly OperationAuthorizationRequirement Approve = new() { Name = nameof(Approve) };

    /// <summary>A class's teacher moderates its blog.</summary>
    public static readonly OperationAuthorizationRequirement Moderate = new() { Name = nameof(Moderate) };

    /// <summary>Writing posts in a blog.</summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = nameof(Write) };

    /// <summary>Commenting posts of a blog.</summary>
    public static readonly OperationAuthorizationRequirement Comment = new() { Name = nameof(Comment) };

    /// <summary>A guardian signs up for a slot of an event.</summary>
    public static readonly OperationAuthorizationRequirement SignUp = new() { Name = nameof(SignUp) };

    /// <summary>Seeing a school council's whole space (members only).</summary>
    public static readonly OperationAuthorizationRequirement Member = new() { Name = nameof(Member) };

    /// <summary>A family asks the school council a question.</summary>
    public static readonly OperationAuthorizationRequirement Ask = new() { Name = nameof(Ask) };

    /// <summary>Writing a council meeting's minutes.</summary>
    public static readonly OperationAuthorizationRequirement WriteMinutes = new() { Name = nameof(WriteMinutes) };
}

/// <summary>A class blog as a resource (it may not have a row yet: its settings are then the defaults).</summary>
internal sealed record BlogAccess(Guid ClassGroupId, Guid SchoolId, BlogVisibility Visibility);

/// <summary>A school council as a resource, with whether the reader is one of the members the head chose.</summary>
internal sealed record CouncilAccess(Guid SchoolId, bool ChosenMember);

/// <summary>
/// The one place where publishing rights are decided (DESIGN.md: one authorization layer). The rules
/// themselves are the named, unit-tested methods of NewsRights, BlogRights, AgendaRights and CouncilRights.
/// </summary>
internal sealed class PublishingAuthorizationHandler(Readership readership, TimeProvider clock) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not (NewsItem or BlogAccess or AgendaEvent or CouncilAccess))
        {
            return;
        }

        var reader = await readership.ForUserAsync(context.User);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (Allows(reader, context.Resource, requirement, now))
            {
                context.Succeed(requirement);
            }
        }
    }

    internal static bool Allows(Reader reader, object resource, OperationAuthorizationRequirement operation, DateTime now) => (resource, operation.Name) switch
    {
        (NewsItem news, nameof(Platform.Authorization.ResourceAuthorization.Read)) => NewsRights.CanRead(reader, news, now),
        (NewsItem news, nameof(Platform.Authorization.ResourceAuthorization.Manage)) => NewsRights.CanManage(reader, news),
        (NewsItem news, nameof(PublishingOperations.Approve)) => NewsRights.CanApprove(reader, news),
        (BlogAccess blog, nameof(Platform.Authorization.ResourceAuthorization.Read)) => BlogRights.CanRead(reader, blog.ClassGroupId, blog.SchoolId, blog.Visibility),
        (BlogAccess blog, nameof(PublishingOperations.Write)) => BlogRights.CanWritePosts(reader, blog.ClassGroupId),
        (BlogAccess blog, nameof(PublishingOperations.Comment)) => BlogRights.CanComment(reader, blog.ClassGroupId, blog.Visibility),
        (BlogAccess blog, nameof(PublishingOperations.Moderate)) => BlogRights.CanModerate(reader, blog.ClassGroupId),
        (AgendaEvent e, nameof(Platform.Authorization.ResourceAuthorization.Read)) => AgendaRights.CanRead(reader, e),
        (AgendaEvent e, nameof(Platform.Authorization.ResourceAuthorization.Manage)) => AgendaRights.CanManage(reader, e),
        (AgendaEvent e, nameof(PublishingOperations.SignUp)) => AgendaRights.CanSignUp(reader, e),
        (CouncilAccess c, nameof(Platform.Authorization.ResourceAuthorization.Read)) => CouncilRights.CanSee(reader, c.SchoolId, c.ChosenMember),
        (CouncilAccess c, nameof(PublishingOperations.Member)) => CouncilRights.IsMember(reader, c.SchoolId, c.ChosenMember),
        (CouncilAccess c, nameof(Platform.Authorization.ResourceAuthorization.Manage)) => CouncilRights.Manages(reader, c.SchoolId),
        (CouncilAccess c, nameof(PublishingOperations.Ask)) => CouncilRights.CanAsk(reader, c.SchoolId),
        (CouncilAccess c, nameof(PublishingOperations.WriteMinutes)) => CouncilRights.CanWriteMinutes(reader, c.SchoolId),
        _ => false,
    };
}
