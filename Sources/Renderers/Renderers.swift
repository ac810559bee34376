// The renderers of a PublishedDocument; one file per format.
