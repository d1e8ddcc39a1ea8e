"""Publish: write an episode folder (page, manifest) and rebuild the folder's feed and index."""
