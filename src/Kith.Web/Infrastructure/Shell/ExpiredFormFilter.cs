using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Kith.Web.Infrastructure.Shell;

/// <summary>
/// Marks a request refused for a missing or stale antiforgery token (a page left open for a long
/// time, or a sign-in or sign-out in another tab), so the 400 error page can say what happened and
/// how to keep what was typed, instead of "could not understand that request".
/// </summary>
internal sealed class ExpiredFormFilter : IAlwaysRunResultFilter
{
    /// <summary>The <see cref="HttpContext.Items"/> key set on such a request.</summary>
    public const string ItemKey = "kith:expired-form";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ItemKey] = true;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
