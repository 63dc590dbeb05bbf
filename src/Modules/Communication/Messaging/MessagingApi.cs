using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Messaging;

/// <summary>A message to send through the API.</summary>
/// <param name="Subject">Subject.</param>
/// <param name="Body">Rich text (HTML, sanitised).</param>
/// <param name="Recipients">Tokens: "account:{id}", "class-guardians:{id}", "school-families:{id}", "municipal"…</param>
/// <param name="Urgent">A head's urgent message.</param>
/// <param name="AnswerExpected">An answer is expected.</param>
internal sealed record SendMessageBody(string? Subject, string? Body, IReadOnlyList<string>? Recipients, bool Urgent = false, bool AnswerExpected = false);

/// <summary>An answer through the API.</summary>
/// <param name="Body">Rich text.</param>
/// <param name="ToAll">Answer every member (within the rules) rather than the sender alone.</param>
internal sealed record ReplyBody(string? Body, bool ToAll = false);

/// <summary>Where a message went.</summary>
/// <param name="ConversationId">Its conversation.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Status">Sent, or HeldForReview.</param>
/// <param name="RecipientCount">Recipients.</param>
/// <param name="NoticesAt">When e-mail and push notices leave (quiet hours).</param>
internal sealed record SentMessage(Guid ConversationId, Guid MessageId, string Status, int RecipientCount, DateTime? NoticesAt);

/// <summary>/api/v1 messaging endpoints: the same handlers and rules as the pages.</summary>
internal static class MessagingApi
{
    public static void MapMessagingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/conversations").RequireAuthorization(CommunicationPermissions.UseMessaging).WithTags("Messagerie");

        api.MapGet("/", async (HttpContext http, Mailbox mailbox, string? dossier, string? q, int? page, CancellationToken cancellationToken) =>
        {
            var view = dossier switch { "envoyes" => MailboxView.Sent, "archives" => MailboxView.Archive, _ => MailboxView.Inbox };
            return TypedResults.Ok(await mailbox.ListAsync(http.User.RequiredAccountId(), view, null, q is { Length: <= 200 } ? q : null, page ?? 1, cancellationToken));
        });

        api.MapGet("/{id:guid}", async Task<Results<Ok<ConversationView>, ProblemHttpResult>> (Guid id, HttpContext http, ReadConversation read, IStringLocalizer localizer, CancellationToken cancellationToken) =>
            await read.OpenAsync(http.User, id, cancellationToken) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.Problem(title: localizer["Conversation introuvable."], statusCode: StatusCodes.Status404NotFound));

        api.MapPost("/", async Task<Results<Created<SentMessage>, ValidationProblem>> (SendMessageBody body, HttpContext http, SendMessage send, IStringLocalizer localizer, CancellationToken cancellationToken) =>
        {
            var tokens = (body.Recipients ?? []).Take(SendMessage.MaxRecipientTokens + 1).ToList();
            var parsed = RecipientToken.ParseAll(tokens);
            if (parsed.Count != tokens.Distinct().Count())
            {
                return Invalid(localizer, [new("Recipients", localizer["Un des destinataires n’est pas reconnu."])]);
            }

            var outcome = await send.StartAsync(http.User.RequiredAccountId(), new NewMessage(body.Subject, body.Body, parsed, body.Urgent, body.AnswerExpected), cancellationToken);
            return outcome.Succeeded
                ? TypedResults.Created($"/api/v1/conversations/{outcome.ConversationId}", Sent(outcome))
                : Invalid(localizer, outcome.Errors);
        });

        api.MapPost("/{id:guid}/messages", async Task<Results<Created<SentMessage>, ValidationProblem, ProblemHttpResult>> (Guid id, ReplyBody body, HttpContext http, SendMessage send, IStringLocalizer localizer, CancellationToken cancellationToken) =>
        {
            var outcome = await send.ReplyAsync(http.User.RequiredAccountId(), new Reply(id, body.Body, body.ToAll), cancellationToken);
            if (outcome.NotFound)
            {
                return TypedResults.Problem(title: localizer["Conversation introuvable."], statusCode: StatusCodes.Status404NotFound);
            }

            return outcome.Succeeded
                ? TypedResults.Created($"/api/v1/conversations/{outcome.ConversationId}", Sent(outcome))
                : Invalid(localizer, outcome.Errors);
        });

        app.MapGet("/api/v1/recipients", async (HttpContext http, IStructureDirectory directory, RecipientFinder finder, AudienceCatalog audiences, string? q, CancellationToken cancellationToken) =>
        {
            var sender = (await directory.GetPlacementsAsync([http.User.RequiredAccountId()], cancellationToken)).Single();
            var people = string.IsNullOrWhiteSpace(q) ? await finder.SuggestAsync(sender, cancellationToken) : await finder.SearchAsync(sender, q[..Math.Min(q.Length, 100)], cancellationToken);
            var groups = await audiences.OfferedToAsync(sender, null, cancellationToken);
            return TypedResults.Ok(new
            {
                People = people.Select(p => new { Token = RecipientToken.Account(p.AccountId).ToString(), p.DisplayName, p.Roles }),
                Groups = groups.Select(g => new { Token = g.Token.ToString(), Label = g.FrenchLabel, g.SchoolName }),
            });
        }).RequireAuthorization(CommunicationPermissions.UseMessaging).WithTags("Messagerie");
    }

    private static SentMessage Sent(SendOutcome outcome) =>
        new(outcome.ConversationId!.Value, outcome.MessageId!.Value, outcome.Status.ToString(), outcome.RecipientCount, outcome.NoticesAt);

    private static ValidationProblem Invalid(IStringLocalizer localizer, IReadOnlyList<KeyValuePair<string, string>> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray()),
            title: localizer["Le message n’a pas été envoyé."]);
}
