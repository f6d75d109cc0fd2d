using System.Security.Claims;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People.MyView;

/// <summary>
/// The base of the person's own pages under /my: finds their record by their account, answers 404 when
/// the account is linked to no record, and audits each GET as a read of <see cref="RecordPart"/>.
/// </summary>
public abstract class MyPageModel : PageModel
{
    protected abstract string RecordPart { get; }

    public Guid PersonId { get; private set; }

    public string DisplayName { get; private set; } = string.Empty;

    public string UserId { get; private set; } = string.Empty;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = HttpContext.RequestServices;
        var db = services.GetRequiredService<KithDbContext>();
        UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var person = await db.People.AsNoTracking().Where(p => p.UserId == UserId && UserId != string.Empty)
            .Select(p => new { p.Id, p.Name, p.PreferredName }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (person is null)
        {
            context.Result = NotFound();
            return;
        }

        PersonId = person.Id;
        DisplayName = person.PreferredName ?? person.Name;
        if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
        {
            await services.GetRequiredService<PersonAccessService>()
                .AddEventAsync(PersonId, Kith.Core.Platform.Audit.AuditActions.Viewed, RecordPart, User.GetProcessContext(), HttpContext.RequestAborted);
        }

        await next();
    }
}
