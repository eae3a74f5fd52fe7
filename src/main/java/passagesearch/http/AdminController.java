package passagesearch.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import passagesearch.serving.IndexManager;
import passagesearch.serving.RebuildInProgress;
import passagesearch.serving.UploadNotStored;
import passagesearch.serving.Uploads;

/**
 * Admin routes: rebuild, job status, rollback. They need {@code Authorization: Bearer <token>}, the token
 * from ADMIN_TOKEN; with no token configured they are disabled (403), never open. A missing or wrong
 * token is a 401 that says nothing about why. Tokens are compared in constant time and never logged.
 */
final class AdminController {
  private final IndexManager manager;
  private final byte[] token;

  AdminController(IndexManager manager, String token) {
    this.manager = manager;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void rebuild(Context ctx) {
    authorize(ctx);
    new QueryParams(ctx, Set.of());
    try {
      byte[] body = ctx.bodyAsBytes();
      ctx.status(202).json(body.length == 0 ? manager.rebuild() : manager.rebuild(body, ctx.contentType()));
    } catch (RebuildInProgress e) {
      throw new Conflict(e.getMessage());
    } catch (Uploads.BadUpload e) {
      throw new BadRequest(e.getMessage());
    } catch (UploadNotStored e) {
      throw new InsufficientStorage(e.getMessage());
    }
  }

  void job(Context ctx) {
    authorize(ctx);
    String id = ctx.pathParam("id");
    ctx.json(manager.job(id).orElseThrow(() -> new NotFound("no rebuild job with id '" + QueryParams.abbreviate(id) + "'")));
  }

  void rollback(Context ctx) {
    authorize(ctx);
    try {
      String generation = manager.rollback()
          .orElseThrow(() -> new Conflict("there is no previous generation to roll back to"));
      ctx.json(Map.of("generation", generation));
    } catch (RebuildInProgress e) {
      throw new Conflict(e.getMessage());
    }
  }

  private void authorize(Context ctx) {
    if (token == null || manager == null) {
      throw new Forbidden("admin routes are disabled: no ADMIN_TOKEN is configured");
    }
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    if (!MessageDigest.isEqual(token, given)) {
      throw new Unauthorized();
    }
  }

  /** 401, with no detail about why. */
  static final class Unauthorized extends RuntimeException {
    Unauthorized() {
      super("unauthorized");
    }
  }

  /** 403. */
  static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  /** 507: the disk could not take an upload. The message goes to the admin who sent it, not to the public. */
  static final class InsufficientStorage extends RuntimeException {
    InsufficientStorage(String message) {
      super(message);
    }
  }

  /** 409. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }
}
