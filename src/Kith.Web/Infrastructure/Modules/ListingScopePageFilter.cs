using System.Security.Claims;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The signed-in editor's <see cref="ListingScope"/>, worked out once per request.</summary>
public static class ListingScopeExtensions
{
    private static readonly object Key = new();

    public static async Task<ListingScope> GetListingScopeAsync(this HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var cached) && cached is ListingScope scope)
        {
            return scope;
        }

        var user = http.User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        scope = await http.RequestServices.GetRequiredService<ListingEditors>()
            .GetScopeAsync(userId, KithRoles.All.Where(user.IsInRole).ToList(), cancellationToken);
        http.Items[Key] = scope;
        return scope;
    }
}

/// <summary>
/// On every page of a folder whose route has an <c>id</c>, answers 404 unless that listing (for
/// <c>/Manage/Assets</c>) or proposal (for <c>/Manage/Moderation</c>) is in the editor's
/// <see cref="ListingScope"/>: a community editor never sees or changes another organisation's listing.
/// </summary>
internal sealed class ListingScopePageFilter(bool proposals) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            var scope = await http.GetListingScopeAsync(http.RequestAborted);
            var editors = http.RequestServices.GetRequiredService<ListingEditors>();
            var covered = scope.IsEverything
                || (proposals ? await editors.CoversProposalAsync(scope, id, http.RequestAborted) : await editors.CoversAssetAsync(scope, id, http.RequestAborted));
            if (!covered)
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
