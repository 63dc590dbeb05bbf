using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Messaging;

/// <summary>
/// A conversation as a resource: whether the user is a member, and, when it was reported, the schools of
/// the reports and the schools of the pupils in it (a head may then read it, and only then).
/// </summary>
internal sealed record ConversationResource(Guid ConversationId, bool IsMember, IReadOnlySet<Guid> ReportedToSchools, IReadOnlySet<Guid> PupilSchools);

/// <summary>The moderation of a school (null: of the territory): reports, held messages, suspensions.</summary>
internal sealed record ModerationScope(Guid? SchoolId);

/// <summary>An account whose sending may be suspended, with the schools it is linked to.</summary>
internal sealed record SendingAccount(Guid AccountId, IReadOnlySet<Guid> SchoolIds);

/// <summary>Builds <see cref="ConversationResource"/> in a few indexed queries.</summary>
internal sealed class ConversationResources(CommunicationDbContext db, IStructureDirectory directory)
{
    public async Task<ConversationResource?> LoadAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => new { c.Id, c.InvolvesPupil }).FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var isMember = await db.ConversationMembers.AnyAsync(m => m.ConversationId == conversationId && m.AccountId == userId, cancellationToken);
        if (isMember || !conversation.InvolvesPupil)
        {
            return new ConversationResource(conversationId, isMember, new HashSet<Guid>(), new HashSet<Guid>());
        }

        var reportedTo = (await db.MessageReports.AsNoTracking().Where(r => r.ConversationId == conversationId && r.SchoolId != null)
            .Select(r => r.SchoolId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        if (reportedTo.Count == 0)
        {
            return new ConversationResource(conversationId, false, reportedTo, new HashSet<Guid>());
        }

        var memberIds = await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == conversationId).Select(m => m.AccountId).Take(2000).ToListAsync(cancellationToken);
        var pupilSchools = (await directory.GetPupilsAsync(memberIds, cancellationToken)).Select(p => p.SchoolId).OfType<Guid>().ToHashSet();
        return new ConversationResource(conversationId, false, reportedTo, pupilSchools);
    }
}

/// <summary>
/// Who may read a conversation, moderate a school's messaging, or suspend an account's sending. Members
/// read their conversations; a head reads a reported conversation involving a pupil of the head's school
/// (issue 4, item 2), and nobody else reads anyone's messages.
/// </summary>
internal sealed class MessagingAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (context.Resource is not (ConversationResource or ModerationScope or SendingAccount))
            {
                continue;
            }

            var actor = await relations.ForUserAsync(context.User);
            var allowed = context.Resource switch
            {
                ConversationResource c => (c.IsMember && requirement == ResourceAuthorization.Read)
                    || (c.IsMember && requirement == ResourceAuthorization.Manage)
                    || (requirement == ResourceAuthorization.Read && c.ReportedToSchools.Any(s => actor.Heads(s) && c.PupilSchools.Contains(s))),
                ModerationScope { SchoolId: { } school } => actor.IsTerritoryAdmin || actor.Heads(school),
                ModerationScope => actor.IsTerritoryAdmin,
                SendingAccount a => a.AccountId != actor.AccountId && (actor.IsTerritoryAdmin || a.SchoolIds.Any(actor.Heads)),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }
}
