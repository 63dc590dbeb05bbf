using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Catchment;

/// <summary>What a guardian files.</summary>
internal sealed record EnrolmentFiling(
    string ChildFirstName,
    string ChildLastName,
    DateOnly ChildBirthDate,
    Grade Grade,
    EnrolmentReason Reason,
    string HouseNumber,
    string Street,
    string? Area,
    string PostalCode,
    string City,
    Guid? RequestedSchoolId,
    Guid? DerogationReasonId,
    string? DerogationDetails,
    IReadOnlyList<(EnrolmentDocumentKind Kind, Stream Content)> Documents);

/// <summary>
/// The life of an enrolment request: filed by a guardian with the catchment's school computed and the
/// documents checked by content; decided by the education service or the mayor's office (audited, the
/// family notified, the school head too when accepted); the pupil admitted by the head.
/// </summary>
internal sealed class EnrolmentRequests(
    FamilyServicesDbContext db,
    CatchmentLookup lookup,
    IStructureDirectory directory,
    UploadInspector inspector,
    IFileStore files,
    FamilyServicesAudit audit,
    TenantContext tenant,
    TimeProvider clock)
{
    public const int PageSize = 30;

    public static readonly FileKind[] DocumentKinds = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];

    public async Task<(EnrolmentRequest? Request, IReadOnlyList<RuleError> Errors)> FileAsync(EnrolmentFiling filing, Guid guardianId, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        var today = tenant.Today(clock);
        foreach (var (field, value, max) in new[]
                 {
                     ("Input.ChildFirstName", filing.ChildFirstName, 100), ("Input.ChildLastName", filing.ChildLastName, 100), ("Input.HouseNumber", filing.HouseNumber, 20),
                     ("Input.Street", filing.Street, StreetNames.MaxLength), ("Input.PostalCode", filing.PostalCode, 10), ("Input.City", filing.City, 100),
                 })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > max || value.Contains('<', StringComparison.Ordinal) || value.Contains('>', StringComparison.Ordinal))
            {
                errors.Add(new RuleError(field, Fr("Ce champ est obligatoire ({0} caractères au plus, sans < ni >)."), max));
            }
        }

        if (filing.ChildBirthDate > today || filing.ChildBirthDate < today.AddYears(-13))
        {
            errors.Add(new RuleError("Input.ChildBirthDate", Fr("La date de naissance ne correspond pas à un enfant d’âge scolaire.")));
        }

        if (filing.DerogationDetails is { Length: > EnrolmentRequest.MaxTextLength })
        {
            errors.Add(new RuleError("Input.DerogationDetails", Fr("Les précisions ne dépassent pas {0} caractères."), EnrolmentRequest.MaxTextLength));
        }

        var level = EnrolmentNames.LevelOf(filing.Grade);
        var assigned = await lookup.FindAsync(filing.Street, filing.HouseNumber, filing.Area, level, cancellationToken) is [var first, ..] ? first.School : null;
        DerogationReason? reason = null;
        if (filing.RequestedSchoolId is { } requested && requested != assigned?.Id)
        {
            if (await directory.GetSchoolAsync(requested, cancellationToken) is null)
            {
                errors.Add(new RuleError("Input.RequestedSchoolId", Fr("Choisissez une école de la liste.")));
            }

            reason = filing.DerogationReasonId is { } reasonId ? await db.DerogationReasons.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reasonId && r.IsActive, cancellationToken) : null;
            if (reason is null)
            {
                errors.Add(new RuleError("Input.DerogationReasonId", Fr("Une demande de dérogation donne un motif de la liste.")));
            }
        }

        if (!filing.Documents.Any(d => d.Kind == EnrolmentDocumentKind.ProofOfAddress))
        {
            errors.Add(new RuleError("ProofOfAddress", Fr("Joignez un justificatif de domicile de moins de trois mois.")));
        }

        if (!filing.Documents.Any(d => d.Kind == EnrolmentDocumentKind.FamilyRecordBook))
        {
            errors.Add(new RuleError("FamilyRecordBook", Fr("Joignez le livret de famille (ou un acte de naissance de l’enfant).")));
        }

        var checks = new List<(EnrolmentDocumentKind Kind, Stream Content, UploadCheck Check)>();
        foreach (var (kind, content) in filing.Documents)
        {
            var check = await inspector.InspectAsync(content, DocumentKinds, cancellationToken);
            if (!check.IsAccepted)
            {
                errors.Add(new RuleError(kind.ToString(), Fr("{0} : {1}"), EnrolmentNames.Of(kind), check.Error!));
            }

            checks.Add((kind, content, check));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var yearStart = await NextSchoolYearStartAsync(today, cancellationToken);
        var request = new EnrolmentRequest
        {
            Reference = await NextReferenceAsync(yearStart.Year, cancellationToken),
            GuardianId = guardianId,
            ChildFirstName = filing.ChildFirstName.Trim(),
            ChildLastName = filing.ChildLastName.Trim(),
            ChildBirthDate = filing.ChildBirthDate,
            Grade = filing.Grade,
            Reason = filing.Reason,
            SchoolYearStart = yearStart,
            HouseNumber = filing.HouseNumber.Trim(),
            Street = filing.Street.Trim(),
            Area = string.IsNullOrWhiteSpace(filing.Area) ? null : filing.Area.Trim(),
            PostalCode = filing.PostalCode.Trim(),
            City = filing.City.Trim(),
            AssignedSchoolId = assigned?.Id,
            RequestedSchoolId = reason is null ? null : filing.RequestedSchoolId,
            DerogationReasonId = reason?.Id,
            DerogationReasonLabel = reason?.Label,
            DerogationDetails = reason is null || string.IsNullOrWhiteSpace(filing.DerogationDetails) ? null : filing.DerogationDetails.Trim(),
            SubmittedAt = now,
        };
        var saved = new List<string>();
        try
        {
            foreach (var (kind, content, check) in checks)
            {
                var key = await files.SaveAsync(content, cancellationToken);
                saved.Add(key);
                request.Documents.Add(new EnrolmentDocument { RequestId = request.Id, Kind = kind, FileKey = key, ContentType = check.ContentType, Size = content.Length });
            }

            db.EnrolmentRequests.Add(request);
            var agents = await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken);
            if (agents.Count > 0)
            {
                db.Publish(new NotificationRequested(agents.Select(a => a.Id).ToList(), "familyservices.enrolment", NotificationKind.ActionRequired,
                    Fr("Nouvelle demande d’inscription scolaire {0}"), [request.Reference], $"/inscription-scolaire/{request.Id}"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var key in saved)
            {
                await files.DeleteAsync(key, cancellationToken);
            }

            throw;
        }

        return (request, []);
    }

    /// <summary>Accepts (in the requested school for a derogation, else the assigned one, or a school the decider picks) or refuses with a reason.</summary>
    public async Task<IReadOnlyList<RuleError>> DecideAsync(Guid id, Guid stamp, bool accept, Guid? schoolId, string? reason, Guid deciderId, bool asMayorsOffice, CancellationToken cancellationToken)
    {
        var request = await db.EnrolmentRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return [new RuleError(string.Empty, Fr("Cette demande n’existe pas."))];
        }

        if (request.Status != EnrolmentStatus.Submitted)
        {
            return [new RuleError(string.Empty, Fr("Cette demande a déjà reçu une décision."))];
        }

        if (request.ConcurrencyStamp != stamp)
        {
            return [new RuleError(string.Empty, Fr("Cette demande a été modifiée entre-temps : rechargez la page."))];
        }

        reason = reason?.Trim();
        if (reason is { Length: > EnrolmentRequest.MaxTextLength })
        {
            return [new RuleError("Decision.Reason", Fr("Le motif ne dépasse pas {0} caractères."), EnrolmentRequest.MaxTextLength)];
        }

        if (!accept && string.IsNullOrEmpty(reason))
        {
            return [new RuleError("Decision.Reason", Fr("Un refus est motivé : la famille le lira dans le courrier."))];
        }

        SchoolInfo? school = null;
        if (accept)
        {
            var target = schoolId ?? request.RequestedSchoolId ?? request.AssignedSchoolId;
            school = target is { } t ? await directory.GetSchoolAsync(t, cancellationToken) : null;
            if (school is null)
            {
                return [new RuleError("Decision.SchoolId", Fr("Choisissez l’école où l’enfant est inscrit."))];
            }
        }

        var decidedAs = asMayorsOffice ? Fr("Le cabinet du maire") : Fr("Le service éducation");
        request.Decide(accept, school?.Id, string.IsNullOrEmpty(reason) ? null : reason, deciderId, decidedAs, clock.GetUtcNow().UtcDateTime);
        audit.Record(FamilyAuditAction.EnrolmentDecided, deciderId, request.Id,
            $"Demande {request.Reference} {(accept ? $"acceptée ({school!.Name})" : "refusée")} par {decidedAs.ToLowerInvariant()}");
        db.Publish(new NotificationRequested([request.GuardianId], "familyservices.enrolment", NotificationKind.Information,
            accept ? Fr("Inscription scolaire de {0} acceptée") : Fr("Inscription scolaire de {0} : décision disponible"), [request.ChildFirstName], $"/inscription-scolaire/{request.Id}"));
        if (school is not null)
        {
            var heads = await directory.ListStaffOfSchoolAsync(school.Id, Profile.Head, cancellationToken);
            if (heads.Count > 0)
            {
                db.Publish(new NotificationRequested(heads.Select(h => h.AccountId).ToList(), "familyservices.enrolment", NotificationKind.ActionRequired,
                    Fr("Nouvel élève inscrit par la mairie : {0}"), [request.ChildName], "/inscription-scolaire/ecole", school.Id));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new RuleError(string.Empty, Fr("Cette demande a été modifiée entre-temps : rechargez la page."))];
        }
    }

    public async Task<RuleError?> CancelAsync(Guid id, Guid guardianId, CancellationToken cancellationToken)
    {
        var request = await db.EnrolmentRequests.FirstOrDefaultAsync(r => r.Id == id && r.GuardianId == guardianId, cancellationToken);
        if (request is null || request.Status != EnrolmentStatus.Submitted)
        {
            return new RuleError(string.Empty, Fr("Seule une demande en cours d’instruction peut être annulée."));
        }

        request.Cancel();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<RuleError?> AdmitAsync(Guid id, Guid headId, IReadOnlyCollection<Guid> headedSchools, CancellationToken cancellationToken)
    {
        var request = await db.EnrolmentRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request?.DecidedSchoolId is not { } school || !headedSchools.Contains(school) || request.Status != EnrolmentStatus.Accepted || request.AdmittedAt is not null)
        {
            return new RuleError(string.Empty, Fr("Cet élève ne peut pas être admis : il n’est pas inscrit dans votre école, ou il est déjà admis."));
        }

        request.Admit(headId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EnrolmentRequest?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.EnrolmentRequests.AsNoTracking().Include(r => r.Documents).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<EnrolmentRequest>> OfGuardianAsync(Guid guardianId, CancellationToken cancellationToken) =>
        await db.EnrolmentRequests.AsNoTracking().Where(r => r.GuardianId == guardianId).OrderByDescending(r => r.SubmittedAt).Take(50).ToListAsync(cancellationToken);

    public async Task<PageOf<EnrolmentRequest>> ByStatusAsync(EnrolmentStatus status, int page, CancellationToken cancellationToken)
    {
        var query = db.EnrolmentRequests.AsNoTracking().Where(r => r.Status == status);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await (status == EnrolmentStatus.Submitted ? query.OrderBy(r => r.SubmittedAt) : query.OrderByDescending(r => r.DecidedAt))
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PageOf<EnrolmentRequest>(items, page, PageSize, total);
    }

    /// <summary>The pupils the town enrolled in these schools, not yet admitted first.</summary>
    public async Task<IReadOnlyList<EnrolmentRequest>> EnrolledInAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken cancellationToken) =>
        await db.EnrolmentRequests.AsNoTracking()
            .Where(r => r.DecidedSchoolId != null && schoolIds.Contains(r.DecidedSchoolId.Value) && r.Status == EnrolmentStatus.Accepted)
            .OrderBy(r => r.AdmittedAt != null).ThenBy(r => r.ChildLastName).ThenBy(r => r.ChildFirstName).Take(500).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DerogationReason>> ReasonsAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await db.DerogationReasons.AsNoTracking().Where(r => !activeOnly || r.IsActive).OrderBy(r => r.Position).ToListAsync(cancellationToken);

    /// <summary>Requests are for the next school year from March on (the usual enrolment campaign), else for the current one.</summary>
    private async Task<DateOnly> NextSchoolYearStartAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var current = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        if (current is not null && (today.Month < 3 || today.Month > 8) && today <= current.EndsOn)
        {
            return current.StartsOn;
        }

        return new DateOnly(today.Month > 8 ? today.Year + 1 : today.Year, 9, 1);
    }

    private async Task<string> NextReferenceAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var count = await db.EnrolmentRequests.IgnoreQueryFilters().CountAsync(r => r.TerritoryId == tenant.RequiredTerritoryId && r.Reference.StartsWith(prefix), cancellationToken);
        return prefix + (count + 1).ToString("D5", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
    }
}
