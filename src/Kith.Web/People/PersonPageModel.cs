using System.Security.Claims;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People;

/// <summary>The person a record page is about, for its heading and navigation.</summary>
public sealed record PersonHeader(Guid Id, string Name, string DisplayName, string? Pronouns, DateOnly? ClosedOn, bool HasAccount);

/// <summary>
/// The base of every page about one person (routes <c>/people/{personId:guid}/...</c>). Before any handler
/// runs it answers 404 for an unknown person, and 403 (audited as a refusal) for anyone who is not staff of
/// a team working with the person and holds no break-glass access. Each GET is audited as a read of
/// <see cref="RecordPart"/>. Handlers then use <see cref="PersonId"/>, <see cref="Person"/> and <see cref="Access"/>.
/// </summary>
public abstract class PersonPageModel : PageModel
{
    /// <summary>The route value every person page carries.</summary>
    public const string RouteKey = "personId";

    /// <summary>Which part of the record the page shows, for the audit trail ("record", "about-me"...); no personal data.</summary>
    protected abstract string RecordPart { get; }

    public Guid PersonId { get; private set; }

    public PersonHeader Person { get; private set; } = null!;

    public PersonAccess Access { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var cancellationToken = HttpContext.RequestAborted;
        if (!Guid.TryParse(RouteData.Values[RouteKey]?.ToString(), out var personId))
        {
            context.Result = NotFound();
            return;
        }

        var services = HttpContext.RequestServices;
        var access = services.GetRequiredService<PersonAccessService>();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var result = await access.CheckAsync(personId, userId, cancellationToken);
        if (!result.Exists)
        {
            context.Result = NotFound();
            return;
        }

        var actor = User.GetProcessContext();
        if (!result.Allowed || !PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            await access.RecordRefusedAsync(personId, RecordPart, actor, cancellationToken);
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
        {
            await access.RecordViewAsync(result, RecordPart, actor, cancellationToken);
        }

        var db = services.GetRequiredService<KithDbContext>();
        Person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonHeader(p.Id, p.Name, p.PreferredName ?? p.Name, p.Pronouns, p.ClosedOn, p.UserId != null))
            .SingleAsync(cancellationToken);
        PersonId = personId;
        Access = result;
        await next();
    }

    /// <summary>Who is acting, with the break-glass reason when that is how they came in.</summary>
    protected Kith.Core.Platform.Audit.ProcessContext Actor => User.GetProcessContext(Access.BreakGlassReason);
}
