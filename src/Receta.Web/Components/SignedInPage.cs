using Microsoft.AspNetCore.Components;
using Receta.Web.Infrastructure;

namespace Receta.Web.Components;

/// <summary>
/// A page for a signed-in person: anyone else is sent to <c>/signin</c>, and back here after.
/// Pages load in <see cref="OnSignedInAsync"/>, where <see cref="User"/> is set.
/// </summary>
public abstract class SignedInPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in caller; null only while being sent to sign in.</summary>
    protected CurrentUser? User { get; private set; }

    protected override Task OnInitializedAsync()
    {
        User = CurrentUser.From(HttpContext);
        if (User is null)
        {
            var back = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo($"/signin?returnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        }
        return OnSignedInAsync(User);
    }

    protected abstract Task OnSignedInAsync(CurrentUser user);
}
