"""The worker: bacakan as a service on huey (SQLite embedded by default, Redis for many machines).

queue.py     the queue URL (``sqlite:///…`` or ``redis://…``) -> a huey instance and its storage
jobs.py      job records ("queued", "running since … by pid …", "done", "failed: <line>") kept in
             huey's key-value storage, so ``status`` works from any machine that sees the queue
lock.py      named locks shared by every worker: fcntl files for SQLite, Redis locks for Redis
tasks.py     the huey tasks: render one job with ``pipeline.render``; recover orphaned jobs
recovery.py  orphaned-job detection (dead pid / stale heartbeat) and stray temp-file cleanup
service.py   run huey's consumer with bacakan's start-up checks and signal policy
watch.py     poll an RSS/Atom/WordPress feed and submit new or changed articles
"""
