using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

public static class Register
{
    public static async Task<Outcome<User>> HandleAsync(RegisterRequest request, UserManager<User> users, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(users);
        var errors = new RequestErrors();
        var email = AccountRules.Email(request.Email, errors);
        var displayName = errors.Title(request.DisplayName, "displayName");
        var timeZone = AccountRules.TimeZone(request.TimeZone, errors);
        var user = new User
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = email,
            Email = email,
            DisplayName = displayName,
            TimeZone = timeZone,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, request.Password ?? "");
            foreach (var error in result.Errors)
            {
                errors.Add("password", error.Description);
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Failure.Conflict("An account with this email already exists.");
        }

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? Failure.Conflict("An account with this email already exists.")
                : Failure.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        return user;
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/register", async (RegisterRequest request, UserManager<User> users, TimeProvider clock) =>
                (await HandleAsync(request, users, clock)).ToResult(user =>
                    TypedResults.Created("/api/v1/me", AccountResponses.From(user))))
            .AllowAnonymous()
            .Produces<AccountResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Creates an account. Passwords: 12 to 1,000 characters, not a commonly used or guessable one; no composition rules. 409 when the email has an account.");
}
