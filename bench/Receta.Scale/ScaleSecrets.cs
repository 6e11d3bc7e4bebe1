using System.Security.Cryptography;
using System.Text;

namespace Receta.Scale;

/// <summary>
/// How the app stores a token (Receta.Web's <c>AccessTokenSecrets.Hash</c>): the SHA-256 of the
/// secret's UTF-8 bytes. Kept here rather than referencing the web host from a bench tool; the
/// scale test signs in with a generated token, so a difference fails it.
/// </summary>
public static class ScaleSecrets
{
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
