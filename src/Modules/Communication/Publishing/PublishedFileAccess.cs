using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Platform.Authorization;

namespace Preau.Communication.Publishing;

/// <summary>Whether someone may download a published file: the rights of what it is attached to.</summary>
internal sealed class PublishedFileAccess(CommunicationDbContext db, IAuthorizationService authorization, Readership readership, TimeProvider clock)
{
    /// <summary>The file when the signed-in user may read its owner, else null (answered 404).</summary>
    public async Task<PublishedFile?> ForMemberAsync(ClaimsPrincipal user, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.PublishedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var allowed = file.Owner switch
        {
            FileOwner.News => await db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Id == file.OwnerId, cancellationToken) is { } news
                && await authorization.CanAsync(user, news, ResourceAuthorization.Read),
            FileOwner.BlogPost => await CanReadPostAsync(user, file.OwnerId, cancellationToken),
            FileOwner.CouncilMeeting => await CanReadMeetingAsync(user, file.OwnerId, cancellationToken),
            _ => false,
        };
        return allowed ? file : null;
    }

    /// <summary>The file when its owner is public (a public news item of a school, a post of a public blog).</summary>
    public async Task<PublishedFile?> ForPublicAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var file = await db.PublishedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        var allowed = file?.Owner switch
        {
            FileOwner.News => await db.News.AsNoTracking().LiveAt(now).AnyAsync(n => n.Id == file.OwnerId && n.Audience == NewsAudience.Public, cancellationToken),
            FileOwner.BlogPost => await (from p in db.BlogPosts
                                         join b in db.ClassBlogs on p.BlogId equals b.Id
                                         where p.Id == file.OwnerId && p.Status == ContributionStatus.Published && b.Visibility == BlogVisibility.Public
                                         select p.Id).AnyAsync(cancellationToken),
            _ => false,
        };
        return allowed ? file : null;
    }

    private async Task<bool> CanReadPostAsync(ClaimsPrincipal user, Guid postId, CancellationToken cancellationToken)
    {
        var found = await (from p in db.BlogPosts.AsNoTracking()
                           join b in db.ClassBlogs on p.BlogId equals b.Id
                           where p.Id == postId
                           select new { Post = p, b.ClassGroupId, b.SchoolId, b.Visibility }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        var reader = await readership.ForUserAsync(user, cancellationToken);
        return BlogRights.CanReadPost(reader, found.Post, found.ClassGroupId, found.SchoolId, found.Visibility);
    }

    private async Task<bool> CanReadMeetingAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.CouncilMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        var accountId = user.AccountId();
        var chosen = await db.CouncilMembers.AnyAsync(m => m.CouncilId == meeting.CouncilId && m.AccountId == accountId, cancellationToken);
        return await authorization.CanAsync(user, new CouncilAccess(meeting.SchoolId, chosen), PublishingOperations.Member);
    }
}
