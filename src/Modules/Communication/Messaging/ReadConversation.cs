using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Abuse;
using Preau.Communication.Data;
using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Messaging;

/// <summary>A conversation as its reader sees it.</summary>
internal sealed record ConversationView(
    Guid Id,
    string Subject,
    ConversationKind Kind,
    string? AudienceLabel,
    bool IsMember,
    bool IsStarter,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<ReadReceipt> Members,
    bool ShowMembers,
    bool ShowReadReceipts,
    bool AnswersGoToSenderOnly,
    string? SenderName,
    Guid? RecallableMessageId);

/// <summary>
/// Opens a conversation for a member (marking it read) or, for a head, a reported one involving a pupil
/// of the head's school (logged). Anyone else gets nothing: the caller answers 404.
/// </summary>
internal sealed class ReadConversation(
    CommunicationDbContext db,
    ConversationResources resources,
    IAuthorizationService authorization,
    Mailbox mailbox,
    SafetyLog safetyLog,
    IStructureDirectory directory,
    TimeProvider clock)
{
    public async Task<ConversationView?> OpenAsync(ClaimsPrincipal user, Guid conversationId, CancellationToken cancellationToken)
    {
        var readerId = user.RequiredAccountId();
        var resource = await resources.LoadAsync(conversationId, readerId, cancellationToken);
        if (resource is null || !await authorization.CanAsync(user, resource, ResourceAuthorization.Read))
        {
            return null;
        }

        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (resource.IsMember)
        {
            await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.AccountId == readerId && (m.LastReadAt == null || m.LastReadAt < m.LastIncomingAt))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadAt, now), cancellationToken);
        }
        else
        {
            safetyLog.Record(SafetyAction.ReportedConversationViewed, readerId, "Conversation signalée consultée par la direction (elle concerne un élève de l’école).", messageId: null, schoolId: resource.ReportedToSchools.FirstOrDefault());
            await db.SaveChangesAsync(cancellationToken);
        }

        var messages = await mailbox.MessagesAsync(conversationId, readerId, cancellationToken);
        var isStarter = conversation.StartedById == readerId;
        // Recipients of a broadcast do not see one another; its sender does, as members of a direct conversation do.
        var showMembers = !resource.IsMember || conversation.Kind == ConversationKind.Direct || isStarter;
        var members = showMembers ? await mailbox.MembersAsync(conversationId, readerId, cancellationToken) : [];
        var showReceipts = resource.IsMember && isStarter && conversation.MemberCount - 1 <= CommunicationSettings.ReadReceiptLimit;
        var last = messages.LastOrDefault(m => m.Status is MessageStatus.Sent or MessageStatus.HeldForReview);
        Guid? recallable = null;
        if (last is not null && last.AuthorId == readerId && (last.Status == MessageStatus.HeldForReview || await mailbox.ReadersOfAsync(conversationId, readerId, last.SentAt, cancellationToken) == 0))
        {
            recallable = last.Id;
        }

        var people = await directory.GetPeopleAsync([conversation.StartedById], cancellationToken);
        var sender = people.Count > 0 ? people[0] : null;
        return new ConversationView(
            conversation.Id,
            conversation.Subject,
            conversation.Kind,
            conversation.AudienceLabel,
            resource.IsMember,
            isStarter,
            messages,
            members,
            showMembers,
            showReceipts,
            conversation.Kind == ConversationKind.Broadcast && !isStarter,
            sender?.DisplayName,
            recallable);
    }
}
