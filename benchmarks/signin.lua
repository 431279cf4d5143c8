-- POST /sign-in with a fixed CSRF cookie and token (a masked token stays valid for its cookie).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = os.getenv("BENCH_BODY")
